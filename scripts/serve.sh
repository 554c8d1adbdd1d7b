#!/usr/bin/env bash
# Sets up what is missing, builds gatewatch (release) and serves it on http://127.0.0.1:3000
# with the embedded defaults: a private PostgreSQL cluster in ./data/postgres (unless
# DATABASE_URL is set). Extra arguments go to cargo-leptos, e.g. `scripts/serve.sh --hot-reload`.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
"$ROOT/scripts/setup.sh" serve
# shellcheck source=/dev/null
source "$ROOT/.tools/toolchain.env"
export PATH="$ROOT/.tools/bin:$HOME/.cargo/bin:$PATH"
# --precompress writes a gzip and a brotli copy beside each file of the site (the WASM among
# them); the server sends the smallest one the browser accepts (server/src/http.rs).
exec cargo leptos serve --release --precompress "$@"
