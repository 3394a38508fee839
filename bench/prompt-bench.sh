#!/usr/bin/env bash
# Per-prompt cost of the shell hook in a real interactive bash: nvt next to zoxide and fasd (when installed).
#
# Each variant is an interactive bash (`bash -i`, so PROMPT_COMMAND runs before every prompt) that reads a script of
# 200 `cd`s, or of 200 plain prompts (`:`), from stdin. Its rc file sets a plain prompt and evals the tool's init; the
# baseline is the same bash without any hook. Reported: median wall time of the whole session over --runs runs, the
# cost per prompt above the baseline, and how many processes (fork/clone/execve) the hook starts per prompt, counted
# with strace. Prints a Markdown table on stdout; progress goes to stderr.

# The report is Markdown: backticks in single-quoted printf formats are literal on purpose.
# shellcheck disable=SC2016

set -euo pipefail

usage() {
	cat <<'EOF'
Usage: bench/prompt-bench.sh [--nvt PATH] [--runs N] [--prompts N] [--history "N ..."]

  --nvt PATH        the nvt binary (default: dotnet publish src/NeuralVision.Tools to a temp dir)
  --runs N          timed sessions per variant and script (default: 7; the median is reported)
  --prompts N       cds, and plain prompts, per session (default: 200)
  --history "N ..." directories each tool already knows when a session starts, one table per size
                    (default: "0 1000 5000"; every session starts from the same copy of that history; each
                    known directory has rank 1, so sizes near NVT_MAXAGE / _ZO_MAXAGE (10000) would make both
                    tools age most of the history away on the first cd)
EOF
}

die() {
	printf 'prompt-bench: %s\n' "$*" >&2
	exit 2
}

log() {
	printf '==> %s\n' "$*" >&2
}

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(dirname "$bench_dir")"
nvt=""
runs=7
prompts=200
histories="0 1000 5000"
while [[ $# -gt 0 ]]; do
	case "$1" in
	--nvt)
		[[ $# -ge 2 ]] || die "--nvt needs a path"
		nvt="$2"
		shift 2
		;;
	--runs)
		[[ $# -ge 2 ]] || die "--runs needs a number"
		runs="$2"
		shift 2
		;;
	--prompts)
		[[ $# -ge 2 ]] || die "--prompts needs a number"
		prompts="$2"
		shift 2
		;;
	--history)
		[[ $# -ge 2 ]] || die "--history needs sizes"
		histories="$2"
		shift 2
		;;
	-h | --help)
		usage
		exit 0
		;;
	*) die "unknown option: $1" ;;
	esac
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [[ -z $nvt ]]; then
	log "publishing nvt"
	dotnet publish "$repo_dir/src/NeuralVision.Tools" -c Release -o "$work/publish" --nologo >&2
	nvt="$work/publish/nvt"
fi
[[ -x $nvt ]] || die "not executable: $nvt"
nvt="$(cd "$(dirname "$nvt")" && pwd)/$(basename "$nvt")"

# A PATH where `nvt` is the binary under test.
mkdir -p "$work/bin" "$work/home"
ln -s "$nvt" "$work/bin/nvt"
export PATH="$work/bin:$PATH"
export HOME="$work/home"
export NVT_DATA_DIR="$work/nvt-data" _ZO_DATA_DIR="$work/zoxide-data" _FASD_DATA="$work/fasd-data"
mkdir -p "$_ZO_DATA_DIR"

# The directories, and the two session scripts.
for ((i = 0; i < prompts; i++)); do
	mkdir -p "$work/tree/project-$((i % 20))/module-$i"
	printf 'cd %q\n' "$work/tree/project-$((i % 20))/module-$i" >>"$work/cds"
	printf ':\n' >>"$work/plain"
done

# name|init line for the rc file; peers only when installed.
variants=("bare|:" "nvt|eval \"\$(nvt init bash)\"")
if command -v zoxide >/dev/null 2>&1; then
	variants+=("zoxide $(zoxide --version 2>/dev/null | awk '{print $2}')|eval \"\$(zoxide init bash)\"")
fi
if command -v fasd >/dev/null 2>&1; then
	variants+=("fasd $(fasd --version 2>/dev/null)|eval \"\$(fasd --init auto)\"")
fi

rc_for() {
	local name="$1" init="$2" rc="$work/rc-${1%% *}"
	printf 'PS1="$ "\n%s\n' "$init" >"$rc"
	printf '%s' "$rc"
}

# Median wall time (ms) of `bash -i` with rc file $1 reading script $2.
session_ms() {
	local rc="$1" script="$2" i start end
	local -a times=()
	for ((i = 0; i < runs; i++)); do
		restore_history
		start=$(date +%s%N)
		bash --noprofile --rcfile "$rc" -i <"$script" >/dev/null 2>&1
		end=$(date +%s%N)
		times+=($(((end - start) / 1000)))
	done
	printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "%.1f", a[int((NR + 1) / 2)] / 1000 }'
}

# Processes started by a session (forks and execs; threads, such as the .NET runtime's, are not processes).
processes() {
	local rc="$1" script="$2"
	if ! command -v strace >/dev/null 2>&1; then
		printf 'n/a'
		return
	fi
	restore_history
	strace -f -qq -e trace=fork,vfork,clone,clone3,execve -o "$work/strace" bash --noprofile --rcfile "$rc" -i <"$script" >/dev/null 2>&1 || true
	grep -E '(clone|clone3|fork|vfork)\(|execve\(' "$work/strace" | grep -vc CLONE_THREAD || true
}

# The history a session starts from: the same N directories known to every tool, made once per size and copied back
# before each session (zoxide and fasd rewrite their whole file on every cd, so their cost grows with N; nvt's should not).
make_history() {
	local size="$1" i dir now
	now=$(date +%s)
	rm -rf "${NVT_DATA_DIR:?}" "${_ZO_DATA_DIR:?}" "${_FASD_DATA:?}" "$work/history"
	mkdir -p "$_ZO_DATA_DIR" "$work/history"
	: >"$_FASD_DATA"
	local -a dirs=()
	for ((i = 0; i < size; i++)); do
		dir="$work/known/area-$((i % 50))/dir-$i"
		dirs+=("$dir")
	done
	if ((size > 0)); then
		mkdir -p "${dirs[@]}"
		printf '%s\n' "${dirs[@]}" | xargs -d '\n' nvt add --
		if command -v zoxide >/dev/null 2>&1; then
			for dir in "${dirs[@]}"; do zoxide add "$dir"; done
		fi
		for dir in "${dirs[@]}"; do printf '%s|1|%s\n' "$dir" "$now"; done >"$_FASD_DATA"
	fi
	mkdir -p "$NVT_DATA_DIR"
	cp -a "$NVT_DATA_DIR" "$work/history/nvt"
	cp -a "$_ZO_DATA_DIR" "$work/history/zoxide"
	cp -a "$_FASD_DATA" "$work/history/fasd"
}

restore_history() {
	rm -rf "${NVT_DATA_DIR:?}" "${_ZO_DATA_DIR:?}" "${_FASD_DATA:?}"
	cp -a "$work/history/nvt" "$NVT_DATA_DIR"
	cp -a "$work/history/zoxide" "$_ZO_DATA_DIR"
	cp -a "$work/history/fasd" "$_FASD_DATA"
}

per_prompt() {
	awk -v v="$1" -v b="$2" -v n="$prompts" 'BEGIN { printf "%.2f", (v - b) / n }'
}

per_prompt_procs() {
	if [[ $1 == n/a ]]; then
		printf 'n/a'
	else
		awk -v v="$1" -v b="$2" -v n="$prompts" 'BEGIN { printf "%.2f", (v - b) / n }'
	fi
}

for size in $histories; do
	log "history of $size directories: $prompts cds and $prompts plain prompts per session, median of $runs sessions"
	make_history "$size"
	declare -A cd_ms=() plain_ms=() cd_procs=() plain_procs=()
	for variant in "${variants[@]}"; do
		name="${variant%%|*}"
		rc="$(rc_for "$name" "${variant#*|}")"
		log "$name"
		cd_ms[$name]=$(session_ms "$rc" "$work/cds")
		plain_ms[$name]=$(session_ms "$rc" "$work/plain")
		cd_procs[$name]=$(processes "$rc" "$work/cds")
		plain_procs[$name]=$(processes "$rc" "$work/plain")
	done

	printf '### Per-prompt cost in an interactive bash, %s known directories (%s cds, %s plain prompts, median of %s sessions)\n\n' "$size" "$prompts" "$prompts" "$runs"
	printf '| hook | %s cds (ms) | per cd (ms) | processes per cd | %s plain prompts (ms) | per plain prompt (ms) | processes per plain prompt |\n' "$prompts" "$prompts"
	printf '|---|--:|--:|--:|--:|--:|--:|\n'
	base="bare"
	for variant in "${variants[@]}"; do
		name="${variant%%|*}"
		printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$name" \
			"${cd_ms[$name]}" "$(per_prompt "${cd_ms[$name]}" "${cd_ms[$base]}")" \
			"$(per_prompt_procs "${cd_procs[$name]}" "${cd_procs[$base]}")" \
			"${plain_ms[$name]}" "$(per_prompt "${plain_ms[$name]}" "${plain_ms[$base]}")" \
			"$(per_prompt_procs "${plain_procs[$name]}" "${plain_procs[$base]}")"
	done
	printf '\n'
done
printf 'Baseline: the same bash with no hook. nvt: %s\n' "$("$nvt" --version)"
