#!/usr/bin/env bash
# Completed orders/s through 1..N server nodes sharing one throwaway PostgreSQL (loopback only), the load spread over
# the nodes (bench/ValuePool.LoadTest --url A,B,…): one leader sequences, the followers forward their writes to it.
# Usage (as root, from anywhere): bench/cluster.sh [NODES_MAX=3] [CLIENTS=64] [SECONDS=8]. Bounded: each run stops by itself.
set -euo pipefail
cd "$(dirname "$0")/.."
nodes_max=${1:-3}
clients=${2:-64}
seconds=${3:-8}
pg=/usr/lib/postgresql/15/bin
dir=$(mktemp -d /tmp/vp-cluster.XXXX)
chown postgres: "$dir"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  runuser -u postgres -- "$pg/pg_ctl" stop -m fast -D "$dir/data" >/dev/null 2>&1 || true
  [ -n "${KEEP:-}" ] && echo "kept $dir" || rm -rf "$dir"
}
trap cleanup EXIT
runuser -u postgres -- "$pg/initdb" -D "$dir/data" -U postgres -A trust --no-sync -E UTF8 >/dev/null
runuser -u postgres -- "$pg/pg_ctl" start -w -D "$dir/data" -l "$dir/log" -o "-p 55433 -k $dir -c listen_addresses=127.0.0.1" >/dev/null
dotnet build -c Release -v q src/ValuePool.Server >/dev/null
dotnet build -c Release -v q bench/ValuePool.LoadTest >/dev/null
for nodes in $(seq "$nodes_max"); do
  schema="run$nodes"
  runuser -u postgres -- "$pg/psql" -h 127.0.0.1 -p 55433 -U postgres -qc "CREATE SCHEMA $schema"
  db="postgres://postgres@127.0.0.1:55433/postgres?search_path=$schema"
  urls=()
  for n in $(seq "$nodes"); do
    url="http://127.0.0.1:$((5180 + n))"
    urls+=("$url")
    dotnet src/ValuePool.Server/bin/Release/net10.0/ValuePool.Server.dll --urls="$url" --ValuePool:Db="$db" --ValuePool:AdvertisedUrl="$url" \
      --ValuePool:DataProtectionKeysDirectory="$dir/keys" --ValuePool:Admin:Phone=10000000000 --ValuePool:Admin:Password=load-test-admin \
      --ValuePool:PasswordHashIterations=1000 --ValuePool:LoginAttemptsPerMinute=100000 --ValuePool:Payments:Provider=simulated \
      --ValuePool:RateLimits:RegistrationsPerClientPerHour=0 --ValuePool:RateLimits:MoneyRequestsPerClientPerMinute=0 \
      --ValuePool:RateLimits:MoneyRequestsPerUserPerMinute=10000000 --environment=LoadTest --Logging:LogLevel:Default=Warning >"$dir/node$n.log" 2>&1 &
    pids+=($!)
    # The first node leads: the others start once it answers.
    until curl -sf "$url/health" >/dev/null; do sleep 0.2; done
  done
  echo "== $nodes node(s): $(curl -s "${urls[0]}/health")"
  dotnet bench/ValuePool.LoadTest/bin/Release/net10.0/ValuePool.LoadTest.dll --clients "$clients" --seconds "$seconds" --warmup 2 \
    --url "$(IFS=,; echo "${urls[*]}")" | grep -E '^(completed|order latency)'
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  pids=()
done
