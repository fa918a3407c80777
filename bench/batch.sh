#!/usr/bin/env bash
# Times appraise batch on two month-end workloads:
#
#   bench/batch.sh [N] [M]
#
# 1. A year: twelve monthly ecommerce-cs workbooks of N agents each
#    (default 100000), scored by one `appraise batch` with the rules'
#    history flags (淘汰, 额外奖金), against the twelve scored one by one
#    with `appraise score` and rules whose flags look at the month alone.
#    Target: the batch in at most 1.3x the time of the twelve, with peak
#    memory below 500 MB.
# 2. Twelve independent workbooks of M agents (default 10000), with the
#    month-alone rules: `batch --jobs 2` against `batch --jobs 1`.
#    Target: at least 1.7x faster.
#
# Workbooks are generated once into bench/data/ (seed = the month) and
# kept; outputs go to bench/out/. Both folders are git-ignored. Needs GNU
# time (apt-get install time).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bench=$root/bench
data=$bench/data
out=$bench/out
bin=$out/bin
rules=$root/examples/ecommerce-cs/rules.yaml
n=${1:-100000}
m=${2:-10000}

# shellcheck source=bench/lib.sh
. "$bench/lib.sh"
need_time batch.sh
mkdir -p "$data" "$out" "$bin"
echo "building appraise and gen"
(cd "$root" && go build -o "$bin/appraise" ./cmd/appraise && go build -o "$bin/gen" ./bench/gen)

# The same rules with the two history flags judged on the month alone:
# the scoring is the same work but for looking back.
alone=$out/month-alone.yaml
sed -e 's/^  淘汰: .*/  淘汰: total < 35 or 倒数名次 = 1/' \
	-e 's/^  额外奖金: .*/  额外奖金: 名次 = 1/' "$rules" >"$alone"
if grep -q 'consecutive(' "$alone"; then
	echo "batch.sh: $rules: the history flags were not replaced in $alone" >&2
	exit 1
fi

# months DIR ROWS makes the twelve months of 2026 in DIR, once.
months() {
	local dir=$1 rows=$2
	mkdir -p "$dir"
	for k in $(seq 1 12); do
		local f
		f=$dir/2026-$(printf %02d "$k").xlsx
		if [ ! -f "$f" ]; then
			echo "generating $f" >&2
			"$bin/gen" -n "$rows" -seed "$k" -month "2026-$(printf %02d "$k")" -o "$f"
		fi
	done
}


year=$data/year-$n
months "$year" "$n"
rm -rf "$out/one" "$out/year"
mkdir -p "$out/one"
echo "year of $n agents: twelve appraise score, month alone"
one=0 onecpu=0 onerss=0
for f in "$year"/2026-*.xlsx; do
	timed batch "$bin/appraise" score "$f" --rules "$alone" -o "$out/one/$(basename "$f" .xlsx).scored.xlsx" -q
	one=$(awk -v a="$one" -v b="$wall" 'BEGIN { print a + b }')
	onecpu=$(awk -v a="$onecpu" -v b="$cpu" 'BEGIN { print a + b }')
	[ "$rss" -le "$onerss" ] || onerss=$rss
done
echo "year of $n agents: one appraise batch, with history"
timed batch "$bin/appraise" batch "$year" --rules "$rules" --out "$out/year" -q
yr=$wall yrcpu=$cpu yrss=$rss

ind=$data/independent-$m
months "$ind" "$m"
rm -rf "$out/j1" "$out/j2"
echo "twelve independent workbooks of $m agents: --jobs 1 and --jobs 2"
timed batch "$bin/appraise" batch "$ind" --rules "$alone" --out "$out/j1" --jobs 1 -q
j1=$wall j1cpu=$cpu
timed batch "$bin/appraise" batch "$ind" --rules "$alone" --out "$out/j2" --jobs 2 -q
j2=$wall j2cpu=$cpu

echo
echo "| workload | seconds | CPU seconds | peak MiB | against | ratio (seconds) | ratio (CPU) | target |"
echo "|---|---:|---:|---:|---|---:|---:|---|"
echo "| 12 x $n, twelve score, month alone | $one | $onecpu | $(mb "$onerss") | | | | |"
echo "| 12 x $n, one batch, with history | $yr | $yrcpu | $(mb "$yrss") | twelve score | $(ratio "$yr" "$one") | $(ratio "$yrcpu" "$onecpu") | <= 1.3, < 500 MiB |"
echo "| 12 x $m, batch --jobs 1 | $j1 | $j1cpu | | | | | |"
echo "| 12 x $m, batch --jobs 2 | $j2 | $j2cpu | | --jobs 1 | $(ratio "$j1" "$j2")x faster | | >= 1.7x |"
