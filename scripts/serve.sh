#!/usr/bin/env bash
# Sets up what is missing, builds gatewatch (release) and serves it on http://127.0.0.1:3000
# with the embedded defaults: a private PostgreSQL cluster in ./data/postgres (unless
# DATABASE_URL is set). Extra arguments go to `cargo leptos build`, e.g. `--features ...`.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
"$ROOT/scripts/setup.sh" serve
# shellcheck source=/dev/null
source "$ROOT/.tools/toolchain.env"
export PATH="$ROOT/.tools/bin:$HOME/.cargo/bin:$PATH"
# --precompress writes a gzip and a brotli copy beside each file of the site (the WASM among
# them); the server sends the smallest one the browser accepts (server/src/http.rs).
cargo leptos build --release --precompress "$@"
# cargo-leptos writes the gzip copies at gzip's default level. Browsers reaching gatewatch over
# plain http at an address other than localhost are offered no brotli by Chromium (it asks for
# br over https and on localhost only), so they get these: at the best level the WASM's copy
# is 776 KB instead of 929 KB.
for file in target/site/pkg/*.wasm target/site/pkg/*.js target/site/pkg/*.css; do
  gzip -9 -n -c "$file" >"$file.gz"
done
exec "$ROOT/target/release/gatewatch"
