#!/usr/bin/env bash
# Runs the fault matrix (server/tests/api/fault_matrix: real emulator faults, a real
# PostgreSQL, the real gatewatch binary) and writes FAULT-MATRIX.md: one row per fault with
# what happened and the recovery time measured. The same tests run in CI as part of
# `cargo test` (scripts/test.sh); this script only collects their report lines.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
# shellcheck source=/dev/null
source "$ROOT/.tools/toolchain.env"
export PATH="$ROOT/.tools/bin:$HOME/.cargo/bin:$PATH"

log=$(mktemp -t fault-matrix.XXXXXX)
trap 'rm -f "$log"' EXIT
started=$(date +%s)
cargo test --locked -p server --features app/ssr --test api fault_matrix -- --nocapture 2>&1 | tee "$log"
took=$(( $(date +%s) - started ))

{
  echo "# Fault matrix"
  echo
  echo "Written by \`scripts/fault-matrix.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC') in ${took} s"
  echo "($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end, shared with other builds)."
  echo "Each row is one case of \`server/tests/api/fault_matrix\`; every case asserts that no committed"
  echo "row was lost or torn, that the failure is recorded against its account and region with the"
  echo "cloud's code and shown by the API, and that gatewatch recovers by itself. Recovery is measured"
  echo "from the fault's removal to the first fully successful sync of every key (or, for start-up"
  echo "and SSE cases, to the healthy answer / released streams)."
  echo
  echo "| fault | what happened | recovery |"
  echo "| --- | --- | --- |"
  grep '^FAULT-MATRIX | ' "$log" | sed -e 's/^FAULT-MATRIX | //' -e 's/ | recovery \([0-9]*\) ms$/ | \1 ms |/' \
    | sed -e 's/^/| /' -e 's#/[^ ]*/gatewatch-tests/[^ ]*#<scratch data dir>#g'
} > FAULT-MATRIX.md
rows=$(grep -c '^FAULT-MATRIX | ' "$log" || true)
echo "FAULT-MATRIX.md: $rows cases"
