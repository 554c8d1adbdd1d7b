#!/usr/bin/env bash
# The browser bundle's size against issue 7's target (release WASM < 350 KB after `gzip -9`),
# measured on the files `scripts/serve.sh` ships: the release site that cargo-leptos builds
# (wasm-bindgen, then wasm-opt), compressed as a browser receives it.
#
#   scripts/bench-wasm.sh                  # builds the release site, then measures
#   BENCH_NO_BUILD=1 scripts/bench-wasm.sh # measures target/site as it is
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
[ -f .tools/toolchain.env ] && source .tools/toolchain.env
export PATH="$ROOT/.tools/bin:$HOME/.cargo/bin:$PATH"

TARGET=350000
if [ -z "${BENCH_NO_BUILD:-}" ]; then
  echo "==> cargo leptos build --release --precompress"
  cargo leptos build --release --precompress
fi
PKG=target/site/pkg
[ -f "$PKG/gatewatch.wasm" ] || { echo "no $PKG/gatewatch.wasm: build the release site first" >&2; exit 1; }

size() { wc -c <"$1" | tr -d ' '; }
printf '%-16s %12s %12s %12s\n' file raw 'gzip -9' brotli
for f in gatewatch.wasm gatewatch.js gatewatch.css; do
  raw=$(size "$PKG/$f")
  gz=$(gzip -9nc "$PKG/$f" | wc -c | tr -d ' ')
  br=-
  [ -f "$PKG/$f.br" ] && br=$(size "$PKG/$f.br")
  printf '%-16s %12s %12s %12s\n' "$f" "$raw" "$gz" "$br"
  [ "$f" = gatewatch.wasm ] && wasm_gz=$gz
done
awk -v gz="$wasm_gz" -v t="$TARGET" 'BEGIN {
  printf "WASM gzip -9: %d B, %.2f of the %d B target (%s)\n", gz, gz / t, t, (gz < t ? "met" : "not met")
}'
