#!/usr/bin/env bash
# Route B for the wasm32 std, for machines where `rustup target add` cannot download: Debian's
# rustc-web (1.96) and its library sources, with the wasm32 std built once from them and a
# rustup toolchain "web" linked to that rustc. Needs root for the Debian packages and for the
# std, which goes into Debian's rustc sysroot.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TOOLS="$ROOT/.tools"
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
started=$(date +%s)
echo "==> Debian route for the wasm32 std (rustc-web, rust-web-src, lld)"
missing=()
for p in rustc-web cargo-web rust-web-src lld-22; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  as_root apt-get update -qq
  as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# rustc finds the wasm linker as rust-lld in its sysroot; Debian ships lld separately.
if ! rust-lld -flavor wasm --version >/dev/null 2>&1; then
  for l in /usr/lib/llvm-22/bin/lld /usr/lib/llvm-19/bin/lld; do
    [ -x "$l" ] && { as_root ln -sf "$l" /usr/lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld; break; }
  done
fi

if ! rustup toolchain list | grep -q '^web'; then
  mkdir -p "$TOOLS/rust-web/bin"
  for b in rustc cargo rustdoc; do ln -sf "/usr/bin/$b" "$TOOLS/rust-web/bin/$b"; done
  ln -sfn /usr/lib "$TOOLS/rust-web/lib"
  rustup toolchain link web "$TOOLS/rust-web"
fi

DEST=/usr/lib/rustlib/wasm32-unknown-unknown/lib
if ! ls "$DEST"/libstd-*.rlib >/dev/null 2>&1; then
  echo "    building the wasm32 std from /usr/src/rustc-*/library (about 40 s)"
  SB=$(mktemp -d)
  mkdir -p "$SB/src"; echo 'pub fn f() -> u32 { 42 }' > "$SB/src/lib.rs"
  # rlib + cdylib with lto=true: std gets object code and bitcode, like rustup's rust-std, so
  # it serves both debug links and LTO release links.
  cat > "$SB/Cargo.toml" <<'TOML'
[package]
name = "stdbuild_dummy"
version = "0.1.0"
edition = "2021"
[lib]
crate-type = ["rlib", "cdylib"]
[profile.release]
opt-level = 3
lto = true
debug = false
debug-assertions = false
overflow-checks = false
TOML
  (cd "$SB" && RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 /usr/bin/cargo build -q --release \
      --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort,panic_unwind,proc_macro,test)
  as_root mkdir -p "$DEST"
  for f in "$SB"/target/wasm32-unknown-unknown/release/deps/lib*.{rlib,rmeta}; do
    case "$(basename "$f")" in libstdbuild_dummy*) ;; *) as_root cp "$f" "$DEST/" ;; esac
  done
  rm -rf "$SB"
fi
echo "    done in $(( $(date +%s) - started )) s (toolchain: web, $(RUSTUP_TOOLCHAIN=web rustc -V))"
