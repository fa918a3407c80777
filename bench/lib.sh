# Shared by the bench scripts: source it after setting $out, the folder
# for outputs.
#
#   need_time NAME        exits, naming NAME, when GNU time is missing
#   measure TAG CMD...    runs CMD under GNU time, its stdout dropped and
#                         its stderr in $out/TAG.err, and sets wall
#                         (seconds), rss (peak KB), cpu (user + system
#                         seconds) and code (its exit code)
#   timed TAG CMD...      measure, and exit when CMD fails
#   mb KB                 KB as MiB, one decimal
#   ratio A B             A / B, two decimals; "-" when B is 0
#
# On a machine shared with other work the CPU seconds move less than the
# wall-clock ones.

need_time() {
	if [ ! -x /usr/bin/time ] || ! /usr/bin/time -f '%e' true >/dev/null 2>&1; then
		echo "$1: GNU time (/usr/bin/time) is missing: install it with apt-get install time" >&2
		exit 1
	fi
}

measure() {
	local tag=$1 user sys
	shift
	set +e
	/usr/bin/time -f '%e %M %U %S' -o "$out/$tag.time" "$@" >/dev/null 2>"$out/$tag.err"
	code=$?
	set -e
	read -r wall rss user sys < <(tail -n 1 "$out/$tag.time")
	cpu=$(awk -v a="$user" -v b="$sys" 'BEGIN { print a + b }')
}

timed() {
	local tag=$1
	measure "$@"
	if [ "$code" -ne 0 ]; then
		shift
		echo "failed: $*" >&2
		tail -n 5 "$out/$tag.err" >&2
		exit 1
	fi
}

mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
