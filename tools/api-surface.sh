#!/usr/bin/env bash
# The library's public surface, run from the checkout root: public top-level types per package,
# simple names declared more than once, and imports between policy packages (which package uses
# which). Complements ../shared/tools/api-counts.sh with the per-package and import tables.
set -euo pipefail
cd "$(dirname "$0")/.."
src="delivery-core/src/main/java delivery-metrics/src/main/java delivery-policy/src/main/java delivery-formats/src/main/java"
echo "## public top-level types per package"
for f in $(find $src -name '*.java' ! -name package-info.java ! -name module-info.java); do
  if grep -qE '^public (final |abstract |sealed |non-sealed |static )*(class|interface|record|enum|@interface) ' "$f"; then
    d=$(dirname "$f"); echo "${d#*/src/main/java/}" | tr / .
  fi
done | sort | uniq -c | sort -k2 | awk '{printf "%4d %s\n", $1, $2; t += $1} END {printf "%4d total\n", t}'
echo "## simple names declared more than once"
find $src -name '*.java' ! -name package-info.java ! -name module-info.java -exec basename {} \; | sort | uniq -d | sed 's/^/  /'
echo "## imports between policy packages (from -> to: files; imports and qualified names)"
for f in $(find delivery-policy/src/main/java -name '*.java' ! -name module-info.java); do
  from=$(dirname "$f" | sed 's|.*/policy/||; s|/.*||')
  { grep -ohE 'io\.github\.deliverykit\.policy\.[a-z]+' "$f" || true; } | sed 's/.*policy\.//' | sort -u | while read -r to; do
    if [ "$to" != "$from" ]; then echo "$from -> $to"; fi
  done || true
done | sort | uniq -c | awk '{printf "%4d %s %s %s\n", $1, $2, $3, $4; n++} END {printf "%4d package pairs\n", n}'
