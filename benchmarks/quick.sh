#!/usr/bin/env bash
# The quick benchmark run behind BENCHMARKS.md: every kernel and its peer, one fork, short warm-up
# and measurement (about 10-15 minutes on 2 cores). Writes JMH JSON to benchmarks/jmh-quick.json;
# `python3 benchmarks/summarize.py benchmarks/jmh-quick.json` prints the table for BENCHMARKS.md.
# Extra arguments go to JMH (e.g. -prof gc). The quadratic budget peers (timeBasedNaive, freezeInputNaive: about 150 s per call at
# 50,000 incidents) are left out: run them alone with `java -jar benchmarks/target/benchmarks.jar 'Naive'`.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f benchmarks/target/benchmarks.jar ] || mvn -B -ntp -q package -DskipTests
exec java -jar benchmarks/target/benchmarks.jar \
  -f 1 -wi 2 -w 1s -i 3 -r 1s \
  -p dedupe=false \
  -e 'AlertEvaluationBenchmark\.(freezeInput|timeBased)Naive' \
  -rf json -rff benchmarks/jmh-quick.json \
  'IntervalSetBenchmark|MannWhitneyBenchmark|QuantileBenchmark|AlertEvaluationBenchmark|AccumulatorRecordBenchmark|CostAggregationBenchmark|AuditChainBenchmark|DoraBenchmark\.(deploymentFrequency|leadTime|changeFailureRate|timeToRestore|duckdb.*)$' \
  "$@"
