#!/usr/bin/env bash
# Installs, only when missing, what building and testing gatewatch needs, and says how long each
# step took. Idempotent: a second run checks everything in about a second.
#
#   scripts/setup.sh serve   # toolchain for building and serving (wasm32 std, cargo-leptos,
#                            # wasm-bindgen, wasm-opt, PostgreSQL server binaries)
#   scripts/setup.sh test    # the above, plus Chromium and the end2end/ npm packages
#
# System packages (PostgreSQL, Chromium, the Debian Rust route) need root or sudo. Everything
# else goes into ~/.cargo/bin or the git-ignored .tools/ directory of the checkout.
# Knobs: FORCE_DEBIAN_STD=1 skips rustup for the wasm32 std; FAST_TOOL_BUILD=0 builds
# cargo-leptos with its own (slower, LTO) release profile.
set -euo pipefail
PURPOSE=${1:-test}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TOOLS="$ROOT/.tools"
CARGO_LEPTOS_VERSION=0.3.10   # 0.3.11 needs rustc >= 1.96 with --locked; 0.3.10 builds on 1.95
BINARYEN_VERSION=132.0.0      # Debian's binaryen 108 breaks release builds (invalid table export)
export PATH="$TOOLS/bin:$HOME/.cargo/bin:$PATH"
export DEBIAN_FRONTEND=noninteractive
mkdir -p "$TOOLS/bin"

step_start=0
step() { step_start=$(date +%s%N); printf '==> %s\n' "$*"; }
done_step() { local ms=$(( ($(date +%s%N) - step_start) / 1000000 )); printf '    done in %d.%01d s\n' $((ms / 1000)) $((ms % 1000 / 100)); }
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@";
  elif command -v sudo >/dev/null; then sudo "$@";
  else echo "setup: '$*' needs root; run it as root, then run this script again" >&2; exit 1; fi
}
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed'; }
apt_updated=""
apt_install() {
  local missing=() p
  for p in "$@"; do have_pkg "$p" || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || { echo "setup: please install ${missing[*]} with your package manager" >&2; exit 1; }
  step "apt-get install ${missing[*]}"
  [ -n "$apt_updated" ] || { as_root apt-get update -qq; apt_updated=1; }
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  done_step
}
command -v cargo >/dev/null || { echo "setup: cargo not found; install Rust from https://rustup.rs first" >&2; exit 1; }

# 1. The wasm32 std. Route A: rustup (bounded: it hangs on some networks). Route B: Debian's
#    rustc-web with its std built from rust-web-src (offline), as a linked toolchain "web".
APP_TOOLCHAIN=""
if [ -z "${FORCE_DEBIAN_STD:-}" ] && command -v rustup >/dev/null; then
  if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    APP_TOOLCHAIN=$(rustup show active-toolchain | cut -d' ' -f1)
  else
    step "rustup target add wasm32-unknown-unknown (60 s cap)"
    if timeout 60 rustup target add wasm32-unknown-unknown; then APP_TOOLCHAIN=$(rustup show active-toolchain | cut -d' ' -f1); fi
    done_step
  fi
fi
if [ -z "$APP_TOOLCHAIN" ]; then
  "$ROOT/scripts/setup-debian-wasm-std.sh"
  APP_TOOLCHAIN=web
fi
echo "export RUSTUP_TOOLCHAIN=$APP_TOOLCHAIN" > "$TOOLS/toolchain.env"
export RUSTUP_TOOLCHAIN=$APP_TOOLCHAIN

# 2. cargo-leptos, never downloading tools itself (it takes them from PATH).
if ! cargo leptos --version 2>/dev/null | grep -qx "cargo-leptos $CARGO_LEPTOS_VERSION"; then
  step "cargo install cargo-leptos $CARGO_LEPTOS_VERSION (about 15 min on 2 cores)"
  if [ "${FAST_TOOL_BUILD:-1}" = 1 ]; then   # its profile is lto=true, codegen-units=1: ~2x slower
    CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
      cargo install cargo-leptos --locked --features no_downloads --version "$CARGO_LEPTOS_VERSION"
  else
    cargo install cargo-leptos --locked --features no_downloads --version "$CARGO_LEPTOS_VERSION"
  fi
  done_step
fi

# 3. wasm-bindgen-cli at exactly the version in Cargo.lock (cargo-leptos uses whatever is on
#    PATH). Without --locked: its lockfile pins a crate version missing from the index.
WBV=$(sed -n '/^name = "wasm-bindgen"$/{n;s/^version = "\(.*\)"$/\1/p;q}' "$ROOT/Cargo.lock")
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WBV"; then
  step "cargo install wasm-bindgen-cli $WBV (about 3 min)"
  cargo install wasm-bindgen-cli --version "$WBV" --force
  done_step
fi

# 4. wasm-opt 132 from npm, first on PATH (release builds run it).
if ! "$TOOLS/bin/wasm-opt" --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}"; then
  command -v npm >/dev/null || apt_install nodejs npm
  step "npm install binaryen@$BINARYEN_VERSION into .tools/"
  mkdir -p "$TOOLS/binaryen"
  (cd "$TOOLS/binaryen" && npm install --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION")
  ln -sf "$TOOLS/binaryen/node_modules/binaryen/bin/wasm-opt" "$TOOLS/bin/wasm-opt"
  done_step
fi

# 5. PostgreSQL server binaries (the embedded default and the tests start their own cluster).
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null; then
  # Debian would create and start a system-wide cluster on install; gatewatch needs none.
  as_root mkdir -p /etc/postgresql-common
  echo "create_main_cluster = false" | as_root tee /etc/postgresql-common/createcluster.conf >/dev/null
  apt_install postgresql
fi

if [ "$PURPOSE" = test ]; then
  # 6. Chromium for the browser tests (Playwright cannot download its own browser here).
  command -v chromium >/dev/null || apt_install chromium
  # 7. The official Alibaba and Huawei Python SDKs, which a test runs against the emulator.
  if [ ! -x "$ROOT/crates/emulator/tests/sdk/.venv/bin/python" ]; then
    python3 -m venv --help >/dev/null 2>&1 || apt_install python3-venv
    step "pip install the official cloud SDKs into crates/emulator/tests/sdk/.venv"
    "$ROOT/crates/emulator/tests/sdk/run.sh" --setup
    done_step
  fi
  # 8. schemathesis (PyPI), which tests the JSON API from its OpenAPI document.
  if [ ! -x "$ROOT/.tools/schemathesis/bin/schemathesis" ]; then
    python3 -m venv --help >/dev/null 2>&1 || apt_install python3-venv
    step "pip install schemathesis into .tools/schemathesis"
    python3 -m venv "$ROOT/.tools/schemathesis"
    "$ROOT/.tools/schemathesis/bin/pip" install -q "schemathesis==4.32.5"
    done_step
  fi
  # 9. Playwright (the library only: it never downloads a browser).
  if [ ! -d "$ROOT/end2end/node_modules/playwright-core" ]; then
    command -v npm >/dev/null || apt_install nodejs npm
    step "npm ci in end2end/"
    (cd "$ROOT/end2end" && npm ci --no-audit --no-fund --silent)
    done_step
  fi
fi
echo "setup: ready ($(cargo leptos --version), $(wasm-bindgen --version), wasm-opt $("$TOOLS/bin/wasm-opt" --version | awk '{print $3}'), toolchain $APP_TOOLCHAIN)"
