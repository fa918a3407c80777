#!/usr/bin/env bash
# Times appraise score against the copy floor on generated ecommerce-cs
# workbooks of N rows, N = 10000 100000 1048575 by default:
#
#   bench/run.sh [N...]
#   APPRAISE_FLAGS="--detail=none" bench/run.sh 100000
#
# For each N it runs bench/floor (excelize alone, reading the workbook and
# writing one of the shape of appraise's output) and appraise score, each
# under GNU time, and prints their wall time and peak RSS side by side.
# Workbooks are generated once (seed 1) into bench/data/ and kept; outputs
# go to bench/out/. Both folders are git-ignored.
#
# APPRAISE_FLAGS is passed to every appraise score, including the two small
# runs that show the floor the shape of the output; FLOOR_FLAGS to the floor
# (e.g. "-hold" to read every row into memory before writing). SEED changes
# the generator's seed.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bench=$root/bench
data=$bench/data
out=$bench/out
bin=$out/bin
rules=$root/examples/ecommerce-cs/rules.yaml
seed=${SEED:-1}
read -r -a appraise_flags <<<"${APPRAISE_FLAGS:-}"
read -r -a floor_flags <<<"${FLOOR_FLAGS:-}"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1048575)

for n in "${sizes[@]}"; do
	if ! [[ $n =~ ^[0-9]+$ ]] || [ "$n" -lt 1 ] || [ "$n" -gt 1048575 ]; then
		echo "run.sh: $n: N must be a number of rows from 1 to 1048575" >&2
		exit 2
	fi
done
# shellcheck source=bench/lib.sh
. "$bench/lib.sh"
need_time run.sh

mkdir -p "$data" "$out" "$bin"
echo "building appraise, floor and gen"
(cd "$root" && go build -o "$bin/appraise" ./cmd/appraise &&
	go build -o "$bin/floor" ./bench/floor &&
	go build -o "$bin/gen" ./bench/gen)

# workbook N prints the path of the generated workbook of N rows, making it
# first if need be. Past 1048574 rows there is no room for the title row.
workbook() {
	local n=$1 title=true
	[ "$n" -le 1048574 ] || title=false
	local f=$data/ecs-$n-seed$seed.xlsx
	[ "$title" = true ] || f=$data/ecs-$n-seed$seed-notitle.xlsx
	if [ ! -f "$f" ]; then
		echo "generating $(basename "$f")" >&2
		"$bin/gen" -n "$n" -seed "$seed" -title="$title" -o "$f"
	fi
	echo "$f"
}

# The floor learns the output's shape from two small scored workbooks.
refs=()
for n in 10 20; do
	in=$(workbook "$n")
	ref=$out/ref-$n.scored.xlsx
	"$bin/appraise" score "$in" --rules "$rules" -o "$ref" -q ${appraise_flags[@]+"${appraise_flags[@]}"}
	refs+=(-ref "$ref=$n")
done


# sheetxml FILE prints the uncompressed size of a workbook's sheets.
sheetxml() {
	[ -s "$1" ] || { echo "no file"; return; }
	command -v unzip >/dev/null || { echo "? MB (no unzip)"; return; }
	unzip -l "$1" | awk '/xl\/worksheets\/sheet/ { s += $1 } END { printf "%.1f MB", s / 1048576 }'
}

table=()
notes=()
failed=0
for n in "${sizes[@]}"; do
	in=$(workbook "$n")
	fout=$out/floor-$n.xlsx
	aout=$out/appraise-$n.scored.xlsx
	rm -f "$fout" "$aout"

	echo "N=$n: floor"
	measure "floor-$n" "$bin/floor" "${refs[@]}" ${floor_flags[@]+"${floor_flags[@]}"} -o "$fout" "$in"
	fwall=$wall frss=$rss fcode=$code
	if [ "$fcode" -ne 0 ] || [ ! -s "$fout" ]; then
		echo "floor failed at N=$n (exit $fcode):" >&2
		tail -n 5 "$out/floor-$n.err" >&2
		failed=1
	fi

	echo "N=$n: appraise score"
	measure "appraise-$n" "$bin/appraise" score "$in" --rules "$rules" -o "$aout" ${appraise_flags[@]+"${appraise_flags[@]}"}
	awall=$wall arss=$rss acode=$code
	if [ "$acode" -ne 0 ] || [ ! -s "$aout" ] || ! grep -q "scored $n rows" "$out/appraise-$n.err"; then
		echo "appraise score failed at N=$n (exit $acode):" >&2
		tail -n 5 "$out/appraise-$n.err" >&2
		failed=1
	fi

	tx=$(ratio "$awall" "$fwall") mx=$(ratio "$arss" "$frss") why=""
	[ "$fcode" -eq 0 ] || why+="  floor failed (exit $fcode)"
	[ "$acode" -eq 0 ] || why+="  appraise failed (exit $acode)"
	[ -z "$why" ] || tx=- mx=-
	row=$(printf '%8s %9s %9s %11s %11s %7s %7s%s' "$n" \
		"$fwall" "$(mb "$frss")" "$awall" "$(mb "$arss")" "$tx" "$mx" "$why")
	table+=("$row")
	notes+=("N=$n: sheet XML: input $(sheetxml "$in"), floor's output $(sheetxml "$fout"), appraise's $(sheetxml "$aout")")
	notes+=("N=$n: $(grep '^floor: wrote' "$out/floor-$n.err" || echo 'floor: no output')")
done

echo
echo "date:     $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine:  $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)"
echo "go:       $(go version)"
echo "appraise: score --rules examples/ecommerce-cs/rules.yaml ${APPRAISE_FLAGS:-}"
echo "floor:    ${FLOOR_FLAGS:-(default flags)}"
echo
printf '%8s %9s %9s %11s %11s %7s %7s\n' N "floor s" "floor MB" "appraise s" "appraise MB" "time x" "mem x"
printf '%s\n' "${table[@]}"
echo
printf '%s\n' "${notes[@]}"
echo "(MB: peak RSS in MiB; time x and mem x: appraise / floor)"
exit $failed
