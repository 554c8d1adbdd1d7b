#!/usr/bin/env bash
# Runs every test of gatewatch, installing what is missing first:
#   1. setup (toolchain, PostgreSQL binaries, Chromium, Playwright) — idempotent
#   2. unit and integration tests of all crates (a real embedded PostgreSQL, loopback HTTP)
#   3. the site build (server + WASM bundle) with cargo-leptos
#   4. the browser tests: Playwright driving Debian Chromium against the real server
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
"$ROOT/scripts/setup.sh" test
# shellcheck source=/dev/null
source "$ROOT/.tools/toolchain.env"
export PATH="$ROOT/.tools/bin:$HOME/.cargo/bin:$PATH"

timed() {
  local label=$1; shift
  local started; started=$(date +%s)
  printf '\n==> %s\n' "$label"
  "$@"
  printf '    %s: %d s\n' "$label" $(( $(date +%s) - started ))
}

# The server-side crates. `app` is built with `ssr` here; its `hydrate` build is the WASM below
# (the two features never meet in one build).
# `--cfg erase_components` is the flag cargo-leptos gives every debug build: with it the tests
# reuse the dependency builds of `cargo leptos build` instead of compiling a second copy, and
# the type-erased views make each server test binary ~160 MB instead of ~800 MB (a fresh CI
# clone once ran out of disk). Only for this command: cargo-leptos sets RUSTFLAGS itself.
timed "cargo test" env RUSTFLAGS="--cfg erase_components" cargo test --locked -p app -p server -p pgembed -p aliyun -p huawei -p emulator -p store -p sync -p routes -p layout -p callgate -p auth -p alerts --features app/ssr
timed "cargo leptos build" cargo leptos build
timed "browser tests" node end2end/run.mjs
