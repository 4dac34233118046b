#!/usr/bin/env bash
# Reading and pricing 10^6 Claude Code usage lines: deliverykit (delivery cost, and the JMH
# ClaudeLogBenchmark under -Xmx256m) against ccusage (`ccusage daily --offline --json`) on the same
# generated log tree, with the totals of both compared. Needs the benchmarks and CLI jars
# (mvn -B -ntp -q -pl benchmarks,delivery-cli -am package -DskipTests) and npm.
# Usage: benchmarks/formats/ccusage-comparison.sh [TREE_DIR] [USAGE_LINES]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
tree=${1:-/tmp/deliverykit-claude-logs}
lines=${2:-1000000}
peer=${CCUSAGE_DIR:-/tmp/deliverykit-ccusage} # an existing install: CCUSAGE_DIR=DIR (DIR/node_modules/.bin/ccusage)
prices="$root/benchmarks/src/main/resources/formats/model_prices.json"
bench="$root/benchmarks/target/benchmarks.jar"
cli="$root/delivery-cli/target/delivery.jar"

java -cp "$bench" io.github.deliverykit.benchmarks.formats.ClaudeLogTree "$tree" "$lines"
if [ ! -x "$peer/node_modules/.bin/ccusage" ]; then
  mkdir -p "$peer" && (cd "$peer" && npm init -y >/dev/null && npm install --no-audit --no-fund ccusage@20.0.24 >/dev/null)
fi

timed() { # label, command...: wall seconds and max RSS of one run
  local label=$1; shift
  local log; log=$(mktemp)
  /usr/bin/time -f "%e %U %S %M" -o "$log" "$@" > "$label.out"
  read -r secs user sys kb < "$log"
  echo "$label: ${secs} s wall, ${user} s user + ${sys} s sys CPU, $((kb / 1024)) MB max RSS"
}
cd "$(mktemp -d)"
timed ccusage env CLAUDE_CONFIG_DIR="$tree" TZ=UTC "$peer/node_modules/.bin/ccusage" daily --offline --json -z UTC
timed deliverykit java -Xmx256m -jar "$cli" cost --claude-logs "$tree/projects" --prices "$prices" --format json
# the same with the throughput collector: less GC work for a short, allocation-heavy run (JAVA_TOOL_OPTIONS or a launcher)
timed deliverykit-parallelgc java -Xmx256m -XX:+UseParallelGC -jar "$cli" cost --claude-logs "$tree/projects" \
  --prices "$prices" --format json
cmp -s deliverykit.out deliverykit-parallelgc.out && echo "deliverykit-parallelgc: same output"
python3 - <<'PY'
import json
from decimal import Decimal
c = json.load(open("ccusage.out"))
d = json.load(open("deliverykit.out"))
ct = Decimal(str(c["totals"]["totalCost"]))
dt = Decimal(d["data"]["total"].split(" ")[0])
tok = d["data"]["tokens"]
same_tokens = (tok["input"], tok["output"], tok["cacheWrite"], tok["cacheRead"]) == (
    c["totals"]["inputTokens"], c["totals"]["outputTokens"], c["totals"]["cacheCreationTokens"], c["totals"]["cacheReadTokens"])
print(f"ccusage total {ct:.6f} USD, deliverykit total {dt} USD, tokens equal: {same_tokens}")
days_c = {(r.get("date") or r.get("period")): Decimal(str(r["totalCost"])) for r in c["daily"]}
days_d = {k: Decimal(v.split(" ")[0]) for k, v in d["data"]["byDay"].items()}
worst = max(abs(days_c[k] - days_d.get(k, Decimal(0))) for k in days_c)
print(f"days: ccusage {len(days_c)}, deliverykit {len(days_d)}, largest per-day difference {worst:.9f} USD")
assert same_tokens and abs(ct - dt) < Decimal("0.000001") * max(1, len(days_c)), "totals differ"
PY
java -jar "$bench" ClaudeLogBenchmark -jvmArgsAppend "-Xmx256m -Ddeliverykit.claudeLogs=$tree" -p usageLines="$lines" -prof gc 2>&1 | grep -E "ClaudeLogBenchmark|Benchmark |gc.alloc.rate.norm|gc.count|Error|Exception" | tail -n 12
