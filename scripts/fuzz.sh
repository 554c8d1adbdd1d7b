#!/usr/bin/env bash
# The long fuzz run: every property-based fuzz target (proptest) of the response parsers and
# signers (aliyun, huawei), the route analysis (routes) and the layout (layout), with
# PROPTEST_CASES cases per property instead of the short default `cargo test` runs in CI.
#   scripts/fuzz.sh                        # 20000 cases per property
#   PROPTEST_CASES=100000 scripts/fuzz.sh  # longer
# Debug build on purpose: integer overflow checks are part of what is fuzzed. A failure
# prints the shrunk input; turn it into a named regression test next to the fix (FUZZING.md).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
# shellcheck source=/dev/null
source "$ROOT/.tools/toolchain.env"
export PATH="$ROOT/.tools/bin:$HOME/.cargo/bin:$PATH"
export PROPTEST_CASES=${PROPTEST_CASES:-20000}

TARGETS=(
  "aliyun fuzz_responses fuzz_signing fuzz_fields"
  "huawei fuzz_responses fuzz_signing fuzz_fields"
  "routes fuzz_analysis fuzz_cidr"
  "layout fuzz_layout"
)

cargo test --locked --no-run -p aliyun -p huawei -p routes -p layout
started=$(date +%s)
for entry in "${TARGETS[@]}"; do
  read -r crate tests <<<"$entry"
  args=()
  for t in $tests; do args+=(--test "$t"); done
  crate_started=$(date +%s)
  printf '\n==> %s: %s (%s cases per property)\n' "$crate" "$tests" "$PROPTEST_CASES"
  cargo test --locked -q -p "$crate" "${args[@]}"
  printf '    %s: %d s\n' "$crate" $(( $(date +%s) - crate_started ))
done
printf '\nfuzzing: %d s in all, %s cases per property\n' $(( $(date +%s) - started )) "$PROPTEST_CASES"
