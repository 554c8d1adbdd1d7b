#!/usr/bin/env bash
# Runs the benchmarks, each against a baseline measured in the same run, and prints their
# tables (ratios, not absolute targets: the machine decides the absolute numbers).
#   layout: our layered layout vs Graphviz `dot` on the same 1k / 5k / 10k-node graphs
#   routes: indexed conflict analysis and path trace vs linear scans, on 100k routes
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
if ! command -v dot >/dev/null; then
  echo "==> apt-get install graphviz (the layout benchmark's baseline)"
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq graphviz >/dev/null; else sudo apt-get install -y -qq graphviz >/dev/null; fi
fi
cargo run --release --locked -p layout --example layout_bench -- --runs 5 --cap 120
cargo run --release --locked -p routes --example routes_bench
