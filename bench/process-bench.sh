#!/usr/bin/env bash
# Whole-process timings of the published nvt binary next to zoxide and fasd.
#
# For each database size: generate a deterministic tree of real directories, load the same entries into nvt, zoxide
# and fasd, then time with hyperfine (no shell, warm-up runs first) the two operations a user pays for on every prompt
# and every jump: `add` of a directory that is already known (what the cd hook runs) and a 2-keyword `query` that
# matches. Also measures the peak RSS of `nvt query` and the size of the binary.
#
# Prints a Markdown report on stdout (progress goes to stderr) and saves it as bench/results/process-<date>.md.
# Peers that are not installed are left out; so is RSS when /usr/bin/time is missing. See bench/README.md.

# The report is Markdown: backticks in single-quoted printf formats are literal on purpose.
# shellcheck disable=SC2016

set -euo pipefail

usage() {
	cat <<'EOF'
Usage: bench/process-bench.sh [--nvt PATH] [--sizes "1000 10000 100000"] [--runs N]

  --nvt PATH     the nvt binary to time (default: dotnet publish src/NeuralVision.Tools to a temp dir)
  --sizes LIST   database sizes, in entries (default: "1000 10000 100000")
  --runs N       timed runs per command (default: 50; 5 warm-up runs come first)
  --no-prompt    skip the per-prompt measurement in an interactive bash (bench/prompt-bench.sh)
EOF
}

die() {
	printf 'process-bench: %s\n' "$*" >&2
	exit 2
}

log() {
	printf '==> %s\n' "$*" >&2
}

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(dirname "$bench_dir")"

nvt=""
sizes="1000 10000 100000"
runs=50
warmup=5
prompt_bench=1
while [[ $# -gt 0 ]]; do
	case "$1" in
	--nvt)
		[[ $# -ge 2 ]] || die "--nvt needs a path"
		nvt="$2"
		shift 2
		;;
	--sizes)
		[[ $# -ge 2 ]] || die "--sizes needs a list"
		sizes="$2"
		shift 2
		;;
	--runs)
		[[ $# -ge 2 ]] || die "--runs needs a number"
		runs="$2"
		shift 2
		;;
	--no-prompt)
		prompt_bench=0
		shift
		;;
	-h | --help)
		usage
		exit 0
		;;
	*)
		usage >&2
		die "unknown argument: $1"
		;;
	esac
done

[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive integer, got '$runs'"
for size in $sizes; do
	[[ "$size" =~ ^[1-9][0-9]*$ ]] || die "--sizes must hold positive integers, got '$size'"
done
[[ -n "${sizes// /}" ]] || die "--sizes is empty"
command -v hyperfine >/dev/null || die "hyperfine is required (Debian: apt-get install hyperfine)"

work="$(mktemp -d "${TMPDIR:-/tmp}/nvt-process-bench.XXXXXX")"
cleanup() {
	rm -rf -- "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

built_from=""
if [[ -z "$nvt" ]]; then
	log "publishing nvt (Release, native AOT) to a temp dir"
	built_from="commit $(git -C "$repo_dir" rev-parse --short HEAD 2>/dev/null || echo unknown)"
	if [[ -n "$(git -C "$repo_dir" status --porcelain -- src 2>/dev/null)" ]]; then
		built_from+=" + uncommitted changes in src/"
	fi
	dotnet publish "$repo_dir/src/NeuralVision.Tools" -c Release -o "$work/publish" -nologo >&2 ||
		die "dotnet publish failed"
	nvt="$work/publish/nvt"
fi
[[ -x "$nvt" ]] || die "not an executable: $nvt"
nvt="$(cd "$(dirname "$nvt")" && pwd)/$(basename "$nvt")"

# Peers are optional: a missing one just loses its column.
tools=(nvt)
zoxide_bin="$(command -v zoxide || true)"
fasd_bin="$(command -v fasd || true)"
[[ -n "$zoxide_bin" ]] && tools+=(zoxide)
[[ -n "$fasd_bin" ]] && tools+=(fasd)
time_bin=""
[[ -x /usr/bin/time ]] && time_bin=/usr/bin/time

# Every tool gets a private home and data, and nothing from the caller's configuration. Huge aging limits keep all
# entries (stock limits cannot hold 10k); fasd must not add its working directory to each `fasd -A`.
export HOME="$work/home"
mkdir -p "$HOME"
unset XDG_DATA_HOME NVT_EXCLUDE_DIRS NVT_RESOLVE_SYMLINKS NVT_DEBUG \
	_ZO_EXCLUDE_DIRS _ZO_ECHO _ZO_RESOLVE_SYMLINKS _FASD_RO _FASD_BLACKLIST _FASD_IGNORE
export NVT_MAXAGE=100000000 _ZO_MAXAGE=100000000 _FASD_MAX=100000000 _FASD_TRACK_PWD=0
cd "$work"

keywords=(project12 module3)
now="$(date +%s)"

# N distinct paths shaped like /home/u/src/project12/module3[/include] under $2, the first one always the query's
# target. Same word lists as bench/NeuralVision.Tools.Benchmarks/PathGenerator.cs; a fixed seed makes it repeatable.
generate_paths() {
	awk -v n="$1" -v root="$2" 'BEGIN {
		srand(20240611)
		na = split("src work repos docs notes build dev opt", areas, " ")
		np = split("project alpha beta gamma delta atlas nova orion zephyr kappa", projects, " ")
		nm = split("module core api web cli lib test docs tools data", modules, " ")
		nl = split("src include build bin out assets scripts config", leaves, " ")
		numbers = int(n / 100); if (numbers < 20) numbers = 20
		target = root "/home/u/src/project12/module3"
		print target; seen[target] = 1; count = 1
		while (count < n) {
			p = root "/home/u/" areas[1 + int(rand() * na)] "/" projects[1 + int(rand() * np)] int(rand() * numbers) \
				"/" modules[1 + int(rand() * nm)] int(rand() * 10)
			if (int(rand() * 3) == 0) p = p "/" leaves[1 + int(rand() * nl)]
			if (!(p in seen)) { seen[p] = 1; print p; count++ }
		}
	}'
}

# path|rank|epoch, the z format zoxide imports and fasd stores. Every 5th entry has more visits and a recent one,
# every 20th more again, so ranks and ages differ as in a database in use; nvt gets the same ranks below.
z_format() {
	awk -v now="$now" '{
		i = NR - 1; rank = 1; t = now - 30 * 86400
		if (i % 5 == 0) { rank += 3; t = now - 2 * 86400 }
		if (i % 20 == 0) { rank += 10; t = now - 3600 }
		print $0 "|" rank "|" t
	}' "$1"
}

# Milliseconds, two decimals, of the median of result $2 in hyperfine's JSON $1.
median_ms() {
	local seconds
	if command -v jq >/dev/null; then
		seconds="$(jq -r ".results[$2].median" "$1")"
	else
		seconds="$(grep '"median"' "$1" | sed -n "$(($2 + 1))p" | sed 's/.*: *//; s/,.*//')"
	fi
	awk -v s="$seconds" 'BEGIN { printf "%.2f\n", s * 1000 }'
}

# nvt's score for path $1 ("" when absent); the query that matches it lists it.
nvt_score() {
	"$nvt" query --list --score "${keywords[@]}" | awk -v p="$1" '$2 == p { print $1 }'
}

# fasd's rank for path $1 ("" when absent or when fasd is not installed).
fasd_rank() {
	[[ -f "${_FASD_DATA:-}" ]] || return 0
	awk -F'|' -v p="$1" '$1 == p { print $2 }' "$_FASD_DATA"
}

# Success when the number $2 is larger than $1.
grew() {
	awk -v a="$1" -v b="$2" 'BEGIN { exit !(a != "" && b != "" && b + 0 > a + 0) }'
}

# Largest peak RSS, in KiB, over 5 runs of the command.
peak_rss_kib() {
	local max=0 rss
	for _ in 1 2 3 4 5; do
		"$time_bin" -f %M -o "$work/rss" "$@" >/dev/null 2>&1 || true
		rss="$(tail -n 1 "$work/rss")"
		if [[ "$rss" =~ ^[0-9]+$ ]] && ((rss > max)); then
			max="$rss"
		fi
	done
	printf '%s\n' "$max"
}

declare -A median rss_nvt rss_zoxide peer_ok
for size in $sizes; do
	dir="$work/n$size"
	mkdir -p "$dir"
	log "$size entries: generating and creating directories"
	generate_paths "$size" "$dir/root" >"$dir/paths"
	xargs -d '\n' mkdir -p -- <"$dir/paths"
	target="$(head -n 1 "$dir/paths")"
	z_format "$dir/paths" >"$dir/z.txt"

	export NVT_DATA_DIR="$dir/nvt" _ZO_DATA_DIR="$dir/zoxide" _FASD_DATA="$dir/fasd.data"
	log "$size entries: loading nvt"
	xargs -d '\n' "$nvt" add -- <"$dir/paths"
	awk 'NR % 5 == 1' "$dir/paths" | xargs -d '\n' "$nvt" add --score 3 --
	awk 'NR % 20 == 1' "$dir/paths" | xargs -d '\n' "$nvt" add --score 10 --
	loaded="$("$nvt" query --list --all | wc -l)"
	[[ "$loaded" -eq "$size" ]] || die "nvt holds $loaded entries, expected $size"
	[[ "$("$nvt" query "${keywords[@]}")" == */project12*/module3 ]] || die "nvt query ${keywords[*]} found no match"

	for peer in "${tools[@]:1}"; do
		peer_ok[$peer,$size]=0
	done
	if [[ -n "$zoxide_bin" ]]; then
		log "$size entries: loading zoxide"
		mkdir -p "$_ZO_DATA_DIR"
		if "$zoxide_bin" import "$dir/z.txt" >/dev/null &&
			[[ "$("$zoxide_bin" query -l | wc -l)" -eq "$size" ]] &&
			[[ "$("$zoxide_bin" query "${keywords[@]}")" == */project12*/module3 ]]; then
			peer_ok[zoxide,$size]=1
		else
			log "zoxide did not load $size entries; leaving it out at this size"
		fi
	fi
	if [[ -n "$fasd_bin" ]]; then
		log "$size entries: loading fasd"
		cp "$dir/z.txt" "$_FASD_DATA"
		if [[ "$("$fasd_bin" -d -l "${keywords[@]}" | head -n 1)" == */project12*/module3 ]]; then
			peer_ok[fasd,$size]=1
		else
			log "fasd found no match at $size entries; leaving it out at this size"
		fi
	fi

	# `nvt add` and `fasd -A` stay silent when they fail (a locked or unwritable database, say), so a fast add must
	# be shown to write: NVT_DEBUG makes nvt name anything it skipped, and both ranks must grow while timing.
	debug_output="$(NVT_DEBUG=1 "$nvt" add -- "$target" 2>&1)"
	[[ -z "$debug_output" ]] || die "nvt add -- $target recorded nothing: $debug_output"
	nvt_before="$(nvt_score "$target")"
	fasd_before="$(fasd_rank "$target")"

	# hyperfine -N splits commands like a shell would, so paths are quoted. fasd has no read-only best-match query
	# (`fasd -d kw` re-adds what it returns), so its query is the list form `fasd -d -l`.
	for op in add query; do
		names=()
		commands=()
		for tool in "${tools[@]}"; do
			[[ "$tool" == nvt || "${peer_ok[$tool,$size]}" == 1 ]] || continue
			case "$tool,$op" in
			nvt,add) cmd="'$nvt' add -- '$target'" ;;
			nvt,query) cmd="'$nvt' query ${keywords[*]}" ;;
			zoxide,add) cmd="'$zoxide_bin' add '$target'" ;;
			zoxide,query) cmd="'$zoxide_bin' query ${keywords[*]}" ;;
			fasd,add) cmd="'$fasd_bin' -A '$target'" ;;
			fasd,query) cmd="'$fasd_bin' -d -l ${keywords[*]}" ;;
			*) die "no command for $tool $op" ;;
			esac
			names+=("$tool")
			commands+=(-n "$tool" "$cmd")
		done
		log "$size entries: timing $op (${names[*]})"
		json="$dir/$op.json"
		hyperfine -N --style basic --warmup "$warmup" --runs "$runs" --export-json "$json" "${commands[@]}" >&2
		for i in "${!names[@]}"; do
			median[${names[$i]},$op,$size]="$(median_ms "$json" "$i")"
		done
		if [[ "$op" == add ]]; then
			grew "$nvt_before" "$(nvt_score "$target")" || die "nvt add did not raise the score of $target"
			if [[ "${peer_ok[fasd,$size]:-0}" == 1 ]]; then
				grew "$fasd_before" "$(fasd_rank "$target")" || die "fasd -A did not raise the rank of $target"
			fi
		fi
	done

	if [[ -n "$time_bin" ]]; then
		rss_nvt[$size]="$(peak_rss_kib "$nvt" query "${keywords[@]}")"
		if [[ "${peer_ok[zoxide,$size]:-0}" == 1 ]]; then
			rss_zoxide[$size]="$(peak_rss_kib "$zoxide_bin" query "${keywords[@]}")"
		fi
	fi

	# The next size needs the disk space more than this tree.
	rm -rf -- "$dir"
done

# ---- Report -------------------------------------------------------------------------------------------------------

mib() {
	awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'
}

# "PASS"/"FAIL" for the awk condition $1 over a and b.
check() {
	awk -v a="$2" -v b="$3" "BEGIN { if ($1) print \"PASS\"; else print \"FAIL\" }"
}

cell() {
	printf '%s' "${median[$1]:-n/a}"
}

binary_bytes="$(stat -c %s "$nvt")"
if [[ -n "$built_from" ]]; then
	built_from="built from $built_from"
else
	built_from="given with --nvt"
fi
cpu="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)"

report="$work/report.md"
{
	printf '# nvt process benchmark, %s\n\n' "$(date '+%Y-%m-%d %H:%M %Z')"
	printf -- '- machine: %s, %s CPUs (%s)\n' "$(uname -srm)" "$(nproc)" "${cpu:-unknown CPU}"
	printf -- '- nvt: `%s` (%s), %s bytes\n' "$nvt" "$built_from" "$binary_bytes"
	printf -- '- peers: %s\n' "$(
		[[ -n "$zoxide_bin" ]] && printf '%s; ' "$("$zoxide_bin" --version)"
		[[ -n "$fasd_bin" ]] && printf 'fasd %s; ' "$("$fasd_bin" --version 2>/dev/null || echo '?')"
		printf '%s' "$(hyperfine --version)"
	)"
	printf -- '- hyperfine -N, %s warm-up + %s runs per command; medians in ms; query keywords: `%s`\n' \
		"$warmup" "$runs" "${keywords[*]}"
	add_forms='`nvt add -- DIR`'
	query_forms='`nvt query`'
	if [[ -n "$zoxide_bin" ]]; then
		add_forms+=', `zoxide add DIR`'
		query_forms+=', `zoxide query`'
	fi
	if [[ -n "$fasd_bin" ]]; then
		add_forms+=', `fasd -A DIR`'
		query_forms+=', `fasd -d -l` (fasd has no read-only best-match query)'
	fi
	printf -- '- add: %s, DIR already present; query: %s\n\n' "$add_forms" "$query_forms"

	header="| entries | operation |"
	rule="|--:|---|"
	for tool in "${tools[@]}"; do
		header+=" $tool |"
		rule+="--:|"
	done
	if [[ -n "$zoxide_bin" ]]; then
		header+=" nvt / zoxide |"
		rule+="--:|"
	fi
	printf '%s\n%s\n' "$header" "$rule"
	for size in $sizes; do
		for op in add query; do
			row="| $size | $op |"
			for tool in "${tools[@]}"; do
				row+=" $(cell "$tool,$op,$size") |"
			done
			if [[ -n "$zoxide_bin" ]]; then
				z="${median[zoxide,$op,$size]:-}"
				if [[ -n "$z" ]]; then
					row+=" $(awk -v a="${median[nvt,$op,$size]}" -v b="$z" 'BEGIN { printf "%.2f", a / b }') |"
				else
					row+=" n/a |"
				fi
			fi
			printf '%s\n' "$row"
		done
	done

	if [[ -n "$time_bin" ]]; then
		printf '\nPeak RSS of one `query` (max of 5 runs, MiB):\n\n'
		if [[ -n "$zoxide_bin" ]]; then
			printf '| entries | nvt | zoxide |\n|--:|--:|--:|\n'
		else
			printf '| entries | nvt |\n|--:|--:|\n'
		fi
		for size in $sizes; do
			row="| $size | $(mib "${rss_nvt[$size]}") |"
			if [[ -n "$zoxide_bin" ]]; then
				if [[ -n "${rss_zoxide[$size]:-}" ]]; then
					row+=" $(mib "${rss_zoxide[$size]}") |"
				else
					row+=" n/a |"
				fi
			fi
			printf '%s\n' "$row"
		done
	fi

	printf '\nTargets:\n\n'
	for op in add query; do
		a="${median[nvt,$op,10000]:-}"
		b="${median[zoxide,$op,10000]:-}"
		if [[ -n "$a" && -n "$b" ]]; then
			printf -- '- %s: `%s` at 10k entries no slower than zoxide: %s ms vs %s ms\n' "$(check 'a <= b' "$a" "$b")" "$op" "$a" "$b"
		else
			printf -- '- not measured: `%s` at 10k entries no slower than zoxide\n' "$op"
		fi
	done
	a="${median[nvt,query,100000]:-}"
	if [[ -n "$a" ]]; then
		printf -- '- %s: `query` at 100k entries under 10 ms: %s ms\n' "$(check 'a < b' "$a" 10)" "$a"
	else
		printf -- '- not measured: `query` at 100k entries under 10 ms\n'
	fi
	if [[ -n "$time_bin" ]]; then
		max=0
		for size in $sizes; do
			if ((rss_nvt[$size] > max)); then
				max="${rss_nvt[$size]}"
			fi
		done
		printf -- '- %s: peak RSS under 20 MiB: %s MiB (largest size)\n' "$(check 'a < b' "$max" $((20 * 1024)))" "$(mib "$max")"
	else
		printf -- '- not measured: peak RSS under 20 MiB (no /usr/bin/time)\n'
	fi
	printf -- '- %s: binary under 15 MB (15,000,000 bytes): %s bytes\n' \
		"$(check 'a < b' "$binary_bytes" 15000000)" "$binary_bytes"
} >"$report"

if [[ $prompt_bench -eq 1 ]]; then
	log "per-prompt cost in an interactive bash (bench/prompt-bench.sh)"
	{
		printf '\n'
		"$bench_dir/prompt-bench.sh" --nvt "$nvt"
	} >>"$report"
fi

mkdir -p "$bench_dir/results"
out="$bench_dir/results/process-$(date +%Y-%m-%d-%H%M%S).md"
cp "$report" "$out"
cat "$report"
log "saved $out"
