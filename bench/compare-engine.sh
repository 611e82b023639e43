#!/usr/bin/env bash
# Side by side: the engine's consume throughput (bench --stopwatch, 1M members, forced exits on) of this checkout and of
# BASE (a commit), built in Release and run in turn, ROUNDS times, on the same machine in the same session.
# Usage: bench/compare-engine.sh [BASE=2dee07f] [ROUNDS=3]. Prints each pass of each run; quote medians, not single runs.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-2dee07f}
rounds=${2:-3}
dir=$(mktemp -d)
trap 'git worktree remove --force "$dir/base" >/dev/null 2>&1 || true; rm -rf "$dir"' EXIT
git worktree add -q --detach "$dir/base" "$base"
dotnet build -c Release -v q bench/ValuePool.Bench >/dev/null
(cd "$dir/base" && dotnet build -c Release -v q bench/ValuePool.Bench >/dev/null)
for round in $(seq "$rounds"); do
  echo "== round $round: $base"
  (cd "$dir/base" && dotnet bench/ValuePool.Bench/bin/Release/net10.0/ValuePool.Bench.dll --stopwatch | grep '^pass')
  echo "== round $round: this checkout ($(git rev-parse --short HEAD))"
  dotnet bench/ValuePool.Bench/bin/Release/net10.0/ValuePool.Bench.dll --stopwatch | grep '^pass'
done
