#!/usr/bin/env bash
# Reading and pricing 10^6 Claude Code usage lines: deliverykit (delivery cost through the launcher
# delivery-cli/bin/delivery, the plain `java -jar` run, and the JMH ClaudeLogBenchmark, all under
# -Xmx256m) against ccusage (`ccusage daily --offline --json`) on the same generated log tree, with the
# totals of both compared. ROUNDS (default 5) rounds alternate ccusage and the launcher, and the medians
# of their wall times give the ratio (this machine is shared: one round can be off by half); the plain
# jar runs once. Needs the benchmarks and CLI jars
# (mvn -B -ntp -q -pl benchmarks,delivery-cli -am package -DskipTests) and npm. SKIP_JMH=1 leaves out
# the JMH run.
# Usage: [ROUNDS=N] benchmarks/formats/ccusage-comparison.sh [TREE_DIR] [USAGE_LINES]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
tree=${1:-/tmp/deliverykit-claude-logs}
lines=${2:-1000000}
rounds=${ROUNDS:-5}
[[ "$rounds" =~ ^[1-9][0-9]?$ ]] || { echo "ROUNDS must be a whole number from 1 to 99, but was '$rounds'" >&2; exit 1; }
peer=${CCUSAGE_DIR:-/tmp/deliverykit-ccusage} # an existing install: CCUSAGE_DIR=DIR (DIR/node_modules/.bin/ccusage)
prices="$root/benchmarks/src/main/resources/formats/model_prices.json"
bench="$root/benchmarks/target/benchmarks.jar"
cli="$root/delivery-cli/target/delivery.jar"
launcher="$root/delivery-cli/bin/delivery"

gen_cp=$bench
if [ ! -f "$bench" ]; then
  # no benchmarks jar (its JMH dependency not at hand): the tree generator alone, which needs only the JDK
  gen_cp=$(mktemp -d)
  javac -d "$gen_cp" "$root/benchmarks/src/main/java/io/github/deliverykit/benchmarks/formats/ClaudeLogTree.java"
  [ -n "${SKIP_JMH:-}" ] || { echo "no $bench: build it, or SKIP_JMH=1" >&2; exit 1; }
fi
java -cp "$gen_cp" io.github.deliverykit.benchmarks.formats.ClaudeLogTree "$tree" "$lines"
if [ ! -x "$peer/node_modules/.bin/ccusage" ]; then
  mkdir -p "$peer" && (cd "$peer" && npm init -y >/dev/null && npm install --no-audit --no-fund ccusage@20.0.24 >/dev/null)
fi

timed() { # label, command...: wall seconds and max RSS of one run (each run's seconds kept in label.secs)
  local label=$1; shift
  local log; log=$(mktemp)
  /usr/bin/time -f "%e %U %S %M" -o "$log" "$@" > "$label.out"
  read -r secs user sys kb < "$log"
  echo "$secs" >> "$label.secs"
  echo "$label: ${secs} s wall, ${user} s user + ${sys} s sys CPU, $((kb / 1024)) MB max RSS"
}
# the launcher's first run after a build writes its class-data archive: done here on the sample logs,
# as an installation step (like ccusage's npm install), so that the timed run below maps it
JAVA_OPTS=-Xmx256m "$launcher" cost --claude-logs "$root/examples/formats/claude/projects" \
  --prices "$root/examples/formats/litellm/model_prices.json" --format json > /dev/null
cd "$(mktemp -d)"
for round in $(seq "$rounds"); do
  echo "round $round of $rounds"
  timed ccusage env CLAUDE_CONFIG_DIR="$tree" TZ=UTC "$peer/node_modules/.bin/ccusage" daily --offline --json -z UTC
  # the launcher: AppCDS archive, throughput collector, C1 only (see delivery-cli/bin/delivery)
  timed deliverykit env JAVA_OPTS=-Xmx256m "$launcher" cost --claude-logs "$tree/projects" --prices "$prices" --format json
  if [ "$round" = 1 ]; then
    cp deliverykit.out deliverykit.first
  else
    cmp -s deliverykit.out deliverykit.first || { echo "deliverykit: round $round's output differs from round 1's" >&2; exit 1; }
  fi
done
# the plain jar with the JVM's defaults (G1, tiered C2, no archive)
timed deliverykit-plain-jar java -Xmx256m -jar "$cli" cost --claude-logs "$tree/projects" --prices "$prices" --format json
cmp -s deliverykit.out deliverykit-plain-jar.out && echo "deliverykit-plain-jar: same output"
python3 - <<'PY'
import json
import statistics
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
def secs(label):
    return [float(x) for x in open(label + ".secs").read().split()]
c_secs = secs("ccusage")
for label in ("deliverykit", "deliverykit-plain-jar"):
    d_secs = secs(label)
    if len(d_secs) > 1:
        each = ", ".join(f"{c / d:.2f}x" for c, d in zip(c_secs, d_secs))
        print(f"{label}: median {statistics.median(d_secs):.2f} s against ccusage's {statistics.median(c_secs):.2f} s "
              f"over {len(d_secs)} rounds: {statistics.median(c_secs) / statistics.median(d_secs):.2f}x ccusage's wall time "
              f"(rounds: {each})")
    else:
        print(f"{label}: {statistics.median(c_secs) / d_secs[0]:.2f}x ccusage's median wall time")
assert same_tokens and abs(ct - dt) < Decimal("0.000001") * max(1, len(days_c)), "totals differ"
PY
[ -n "${SKIP_JMH:-}" ] && exit 0
java -jar "$bench" ClaudeLogBenchmark -jvmArgsAppend "-Xmx256m -Ddeliverykit.claudeLogs=$tree" -p usageLines="$lines" -prof gc 2>&1 | grep -E "ClaudeLogBenchmark|Benchmark |gc.alloc.rate.norm|gc.count|Error|Exception" | tail -n 12
