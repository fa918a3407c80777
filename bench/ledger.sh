#!/usr/bin/env bash
# Times appraise score on a contract ledger against a per-person sheet of
# the same byte size:
#
#   bench/ledger.sh [ROWS] [AGENTS]
#
# The ledger is ROWS contracts (default 1000000) among AGENTS agents
# (default 2000), scored with examples/trade-agent-annual/rules.yaml; the
# per-person sheet is an ecommerce-cs workbook of as many agents as make
# a file of about the same size, scored with examples/ecommerce-cs.
# Target: the ledger in at most 1.2x the time of the per-person sheet, in
# bounded memory (per-person accumulators, not the rows). Workbooks are
# generated once into bench/data/ and kept; outputs go to bench/out/.
# Needs GNU time (apt-get install time).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bench=$root/bench
data=$bench/data
out=$bench/out
bin=$out/bin
rows=${1:-1000000}
agents=${2:-2000}

# shellcheck source=bench/lib.sh
. "$bench/lib.sh"
need_time ledger.sh
mkdir -p "$data" "$out" "$bin"
echo "building appraise and gen"
(cd "$root" && go build -o "$bin/appraise" ./cmd/appraise && go build -o "$bin/gen" ./bench/gen)

ledger=$data/ledger-$rows-$agents.xlsx
if [ ! -f "$ledger" ]; then
	echo "generating $ledger" >&2
	"$bin/gen" -n "$rows" -ledger "$agents" -seed 1 -month 2026-12 -o "$ledger"
fi
size=$(stat -c %s "$ledger")

# The per-person sheet: grow the number of agents until the file is as
# large as the ledger, within 2%.
people=$data/people-like-$rows-$agents.xlsx
if [ ! -f "$people" ]; then
	n=$((rows / 2))
	for _ in 1 2 3 4 5 6; do
		"$bin/gen" -n "$n" -seed 1 -o "$people"
		got=$(stat -c %s "$people")
		n=$(awk -v n="$n" -v want="$size" -v got="$got" 'BEGIN { printf "%d", n * want / got }')
		awk -v a="$got" -v b="$size" 'BEGIN { exit !(a > b * 0.98 && a < b * 1.02) }' && break
	done
fi
psize=$(stat -c %s "$people")


echo "scoring the ledger"
timed ledger "$bin/appraise" score "$ledger" --rules "$root/examples/trade-agent-annual/rules.yaml" --period 2026 -o "$out/ledger.scored.xlsx" -q
lw=$wall lr=$rss
echo "scoring the per-person sheet"
timed ledger "$bin/appraise" score "$people" --rules "$root/examples/ecommerce-cs/rules.yaml" -o "$out/people.scored.xlsx" -q
pw=$wall pr=$rss

echo
echo "| workload | input MiB | seconds | peak MiB | ratio | target |"
echo "|---|---:|---:|---:|---:|---|"
echo "| ledger, $rows contracts, $agents agents | $(mb $((size / 1024))) | $lw | $(mb "$lr") | $(ratio "$lw" "$pw") | <= 1.2 |"
echo "| per-person sheet of the same size | $(mb $((psize / 1024))) | $pw | $(mb "$pr") | | |"
