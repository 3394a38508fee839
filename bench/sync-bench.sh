#!/usr/bin/env bash
# Issue 16's benchmark: `nvt sync --dir` between two machines (two HOMEs with different home paths, one shared
# folder), as whole processes of the published binary, for 1k/10k/100k entries (bench/gen-tree.sh's home-like tree):
#   - the first sync: machine A writes its full state, machine B reads and merges all of it;
#   - then rounds in which 1 % of A's entries get a visit (nvt import --merge of every 100th path, rank +1): A's sync
#     writes only a delta, B's sync reads that delta alone and merges only those paths;
#   - a sync with nothing new (both files up to date).
# Reported: wall time (median of the rounds), bytes of the files written, paths merged. The ssh transport sends the
# same state bytes in its frames (plus 4 bytes a frame and a 31-byte hello), so its byte counts are these.
# Usage: bench/sync-bench.sh [--nvt PATH] [--sizes "1000 10000 100000"] [--rounds N]
# Prints a Markdown report and saves it as bench/results/sync-<date>.md.
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
nvt="$bench/../artifacts/publish/nvt"
sizes="1000 10000 100000"
rounds=5
while [[ $# -gt 0 ]]; do
	case "$1" in
	--nvt) nvt="$2"; shift 2 ;;
	--sizes) sizes="$2"; shift 2 ;;
	--rounds) rounds="$2"; shift 2 ;;
	*) echo "sync-bench: unknown argument: $1" >&2; exit 2 ;;
	esac
done
nvt="$(realpath "$nvt")"
work="$(mktemp -d /tmp/nvt-sync-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
# No aging during the benchmark: every imported entry stays.
export NVT_MAXAGE=1000000000 NVT_EXCLUDE_DIRS=''
unset NVT_DATA_DIR XDG_DATA_HOME
ms() { # wall ms of one command, its stdout kept in $work/out
	local a b
	a=$(date +%s%N)
	"$@" >"$work/out"
	b=$(date +%s%N)
	awk -v d="$((b - a))" 'BEGIN { printf "%.1f", d / 1e6 }'
}
median() { tr ' ' '\n' | grep . | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
changed() { sed -n 's/.*: \([0-9]*\) paths\? changed here.*/\1/p' "$work/out"; }
size_of() { stat -c %s "$1" 2>/dev/null || echo 0; }
report="$bench/results/sync-$(date +%F-%H%M).md"
{
	printf '# nvt sync --dir, %s\n\n' "$(date -u '+%F %H:%M UTC')"
	printf 'Machine: %s, %s cores, load %s. nvt: %s (%s bytes).\n\n' "$(uname -m)" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" "$nvt" "$(size_of "$nvt")"
	printf '| entries | first sync: A writes full | full file | B merges full | 1 %% changed: A writes delta | delta file | B merges delta | paths merged | nothing new |\n'
	printf '|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n'
	for n in $sizes; do
		root="$work/$n"
		a="$root/a/home/u" b="$root/b/u/alice-b" dir="$root/Sync/nvt"
		mkdir -p "$a" "$b" "$dir"
		"$bench/gen-tree.sh" "$n" "$root/a" >"$root/z.txt"
		HOME="$a" "$nvt" import --from z "$root/z.txt" >/dev/null
		full_write=$(ms env HOME="$a" "$nvt" sync --dir "$dir")
		full_bytes=$(size_of "$(ls "$dir"/nvt-*.full)")
		full_merge=$(ms env HOME="$b" "$nvt" sync --dir "$dir")
		HOME="$a" "$nvt" sync --dir "$dir" >/dev/null
		writes="" bytes="" merges="" merged=""
		for r in $(seq 1 "$rounds"); do
			awk -F'|' -v r="$r" 'NR % 100 == r { print $1 "|1|" $3 }' "$root/z.txt" >"$root/changed.txt"
			HOME="$a" "$nvt" import --from z --merge "$root/changed.txt" >/dev/null
			writes="$writes $(ms env HOME="$a" "$nvt" sync --dir "$dir")"
			delta=$(sed -n 's/.*wrote \(nvt-[^ ]*\) (\([0-9]*\) bytes).*/\1 \2/p' "$work/out")
			bytes="$bytes ${delta#* }"
			merges="$merges $(ms env HOME="$b" "$nvt" sync --dir "$dir")"
			merged="$merged $(changed)"
			HOME="$a" "$nvt" sync --dir "$dir" >/dev/null
		done
		idle=$(ms env HOME="$b" "$nvt" sync --dir "$dir")
		printf '| %s | %s ms | %s B | %s ms | %s ms | %s B (%s) | %s ms | %s of %s | %s ms |\n' \
			"$n" "$full_write" "$full_bytes" "$full_merge" "$(echo "$writes" | median)" "$(echo "$bytes" | median)" "${delta%% *}" \
			"$(echo "$merges" | median)" "$(echo "$merged" | median)" "$((n / 100))" "$idle"
	done
	printf '\nMedians of %s rounds; each round changes a different 1 %% of the entries. "B merges delta" reads only A'"'"'s delta file.\n' "$rounds"
} | tee "$report"
echo "saved $report" >&2
