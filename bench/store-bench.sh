#!/usr/bin/env bash
# Issue 13's benchmarks, nvt and zoxide side by side in one run, on a home-like tree (bench/gen-tree.sh: Zipf visits,
# projects proj-NNNN, common leaf names such as src, api, assets):
#   - database size on disk (nvt.db after import, db.zo);
#   - queries whose last keyword is a common leaf (`proj-5002 api`, `api`): wall time of alternating runs (bench/alt.c:
#     A B, B A, ...) and, with valgrind, instructions of one run;
#   - one `add` process of a known directory;
#   - per cd in a live interactive bash: sessions of 200 cds, without a hook, with nvt's and with zoxide's, alternating,
#     on the database of that size (nvt's real hook: journal appends and its `nvt fold` about every 50th cd).
# Usage: bench/store-bench.sh [--nvt PATH] [--sizes "1000 10000 100000"] [--rounds N] [--sessions N]
# Prints a Markdown report and saves it as bench/results/store-<date>.md.
# The report is Markdown: backticks in single-quoted printf formats are literal on purpose.
# shellcheck disable=SC2016
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
nvt="$bench/../artifacts/publish/nvt"
sizes="1000 10000 100000"
rounds=200
sessions=7
while [[ $# -gt 0 ]]; do
	case "$1" in
	--nvt) nvt="$2"; shift 2 ;;
	--sizes) sizes="$2"; shift 2 ;;
	--rounds) rounds="$2"; shift 2 ;;
	--sessions) sessions="$2"; shift 2 ;;
	*) echo "store-bench: unknown argument: $1" >&2; exit 2 ;;
	esac
done
nvt="$(realpath "$nvt")"
command -v zoxide >/dev/null || { echo "store-bench: zoxide is not installed" >&2; exit 2; }
work="$(mktemp -d /tmp/nvt-store-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
cc -O2 -o "$work/alt" "$bench/alt.c"
# valgrind 3.19 cannot read the DWARF 5 of nvt.dbg, which nvt's debug link names: count instructions on a copy without it.
objcopy --remove-section=.gnu_debuglink "$nvt" "$work/nvt-nodbg"
# Both jumpers keep every imported entry (no aging during the benchmark).
export _ZO_MAXAGE=1000000000 _ZO_EXCLUDE_DIRS='' NVT_MAXAGE=1000000000 NVT_EXCLUDE_DIRS=''
unset _ZO_ECHO _ZO_RESOLVE_SYMLINKS NVT_RESOLVE_SYMLINKS NVT_DATA_DIR
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
instr() { # instructions of one run, when valgrind is there
	if command -v valgrind >/dev/null; then
		valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | awk '/Collected/ { print $4 }'
	else
		echo –
	fi
}
alt() { # median, p25, p75 ms of each command (separated by :::), one line each
	"$work/alt" -n "$rounds" -w 10 -- "$@" | awk 'NR > 1 { print $1, $2, $3 }'
}
session_ms() { # shell rc script: wall ms of one interactive bash reading the script
	local a b
	a=$(date +%s%N)
	# The session's own status (its last command's) does not matter here.
	bash --noprofile --rcfile "$1" -i <"$2" >/dev/null 2>&1 || true
	b=$(date +%s%N)
	echo $(((b - a) / 1000))
}
median() { tr ' ' '\n' | grep . | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
report="$bench/results/store-$(date +%F-%H%M).md"
{
	printf '# nvt %s vs zoxide %s (%s, load %s)\n\n' "$("$nvt" --version | head -1)" "$(zoxide --version | cut -d' ' -f2)" \
		"$(date '+%F %H:%M')" "$(cut -d' ' -f1-3 /proc/loadavg)"
	printf 'Tree: bench/gen-tree.sh N. Wall: medians of %s alternating rounds (ms, p25-p75). Per cd: median of %s alternating\n' "$rounds" "$sessions"
	printf 'sessions of 200 cds in `bash -i`, minus the session without a hook, / 200.\n\n'
	printf '| entries | what | zoxide | nvt | nvt / zoxide |\n|--:|---|--:|--:|--:|\n'
} >"$report"
for n in $sizes; do
	dir="$work/n$n"
	mkdir -p "$dir/home"
	echo "== $n entries" >&2
	"$bench/gen-tree.sh" "$n" "$dir/root" >"$dir/z.txt"
	cut -d'|' -f1 "$dir/z.txt" | xargs -d '\n' mkdir -p --
	export HOME="$dir/home" _ZO_DATA_DIR="$dir/zoxide"
	mkdir -p "$_ZO_DATA_DIR"
	zoxide import "$dir/z.txt" >/dev/null
	"$nvt" import --from z "$dir/z.txt" >/dev/null
	db="$HOME/.local/share/nvt/nvt.db"
	row() { printf '| %s | %s | %s | %s | %s |\n' "$n" "$1" "$2" "$3" "$4" >>"$report"; }
	zs=$(stat -c %s "$_ZO_DATA_DIR/db.zo") ns=$(stat -c %s "$db")
	row "database bytes" "$zs" "$ns" "$(ratio "$ns" "$zs")"
	cd "$dir/home"
	for q in "proj-5002 api" "api"; do
		read -r -a kw <<<"$q"
		[[ "$(zoxide query "${kw[@]}")" == "$("$nvt" query "${kw[@]}")" ]] || echo "store-bench: different answers to $q" >&2
		mapfile -t wall < <(alt zoxide query "${kw[@]}" ::: "$nvt" query "${kw[@]}")
		read -r zm zl zh <<<"${wall[0]}"
		read -r nm nl nh <<<"${wall[1]}"
		row "query \`$q\`, ms" "$zm ($zl-$zh)" "$nm ($nl-$nh)" "$(ratio "$nm" "$zm")"
		zi=$(instr zoxide query "${kw[@]}") ni=$(instr "$work/nvt-nodbg" query "${kw[@]}")
		[[ $zi == – ]] || row "query \`$q\`, instructions" "$zi" "$ni" "$(ratio "$ni" "$zi")"
	done
	known="$(head -1 "$dir/z.txt" | cut -d'|' -f1)"
	mapfile -t wall < <(alt zoxide add "$known" ::: "$nvt" add -- "$known")
	read -r zm zl zh <<<"${wall[0]}"
	read -r nm nl nh <<<"${wall[1]}"
	row "one \`add\` process, ms" "$zm ($zl-$zh)" "$nm ($nl-$nh)" "$(ratio "$nm" "$zm")"
	zi=$(instr zoxide add "$known") ni=$(instr "$work/nvt-nodbg" add -- "$known")
	[[ $zi == – ]] || row "one \`add\` process, instructions" "$zi" "$ni" "$(ratio "$ni" "$zi")"
	if ((n <= 10000)); then
		# 200 cds among the tree's directories; nvt's hook is the real one (the journal and its folds).
		head -200 "$dir/z.txt" | cut -d'|' -f1 | while IFS= read -r d; do printf 'cd %q\n' "$d"; done >"$dir/cds"
		printf 'PS1="$ "\n' >"$dir/rc-none"
		printf 'PS1="$ "\neval "$(nvt init bash)"\n' >"$dir/rc-nvt"
		printf 'PS1="$ "\neval "$(zoxide init bash)"\n' >"$dir/rc-zoxide"
		mkdir -p "$dir/bin" && ln -sf "$nvt" "$dir/bin/nvt"
		declare -A t=()
		for ((r = 0; r < sessions; r++)); do
			for v in none nvt zoxide; do
				t[$v]+="$(PATH="$dir/bin:$PATH" session_ms "$dir/rc-$v" "$dir/cds") "
			done
		done
		none=$(median <<<"${t[none]}") zn=$(median <<<"${t[zoxide]}") nn=$(median <<<"${t[nvt]}")
		zc=$(awk -v a="$zn" -v b="$none" 'BEGIN { printf "%.3f", (a - b) / 200000 }')
		nc=$(awk -v a="$nn" -v b="$none" 'BEGIN { printf "%.3f", (a - b) / 200000 }')
		row "per cd in \`bash -i\` (200 cds), ms" "$zc" "$nc" "$(ratio "$nc" "$zc")"
	fi
	cd "$bench"
	rm -rf "$dir"
done
printf '\nLoad at the end: %s. Reproduce: `./test.sh` (publishes artifacts/publish/nvt), then `bench/store-bench.sh`.\n' \
	"$(cut -d' ' -f1-3 /proc/loadavg)" >>"$report"
cat "$report"
