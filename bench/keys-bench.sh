#!/usr/bin/env bash
# Key generation time of the published nvt next to OpenSSH's ssh-keygen, for the two cases issue 6 names: RSA 3072
# (dominated by finding primes, so its time varies a lot from run to run: compare medians over many runs) and a
# passphrase-protected Ed25519 key (dominated by the bcrypt KDF, 24 rounds for both tools).
#
# Every run writes a fresh key into a temp dir (the previous one is deleted before each run), with -N so neither tool
# asks anything. Uses hyperfine when installed, else a plain loop timed with `date +%s%N`. Prints a Markdown table on
# stdout (progress on stderr); the target is nvt's median at most 1.5x ssh-keygen's.

# The report is Markdown: backticks in single-quoted printf formats are literal on purpose.
# shellcheck disable=SC2016

set -euo pipefail

usage() {
	cat <<'EOF2'
Usage: bench/keys-bench.sh [--nvt PATH] [--runs N]

  --nvt PATH   the nvt binary to time (default: artifacts/publish/nvt, else dotnet publish to a temp dir)
  --runs N     timed runs per command (default: 15)
EOF2
}

die() {
	printf 'keys-bench: %s\n' "$*" >&2
	exit 2
}

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(dirname "$bench_dir")"
nvt=""
runs=15
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
command -v ssh-keygen >/dev/null || die "ssh-keygen is required (Debian: apt-get install openssh-client)"

work="$(mktemp -d "${TMPDIR:-/tmp}/nvt-keys-bench.XXXXXX")"
trap 'rm -rf -- "$work"' EXIT
trap 'exit 130' INT

if [[ -z "$nvt" && -x "$repo_dir/artifacts/publish/nvt" ]]; then
	nvt="$repo_dir/artifacts/publish/nvt"
elif [[ -z "$nvt" ]]; then
	printf '==> publishing nvt (Release, native AOT) to a temp dir\n' >&2
	dotnet publish "$repo_dir/src/NeuralVision.Tools" -c Release -o "$work/publish" -nologo >&2 || die "dotnet publish failed"
	nvt="$work/publish/nvt"
fi
[[ -x "$nvt" ]] || die "not an executable: $nvt"

# A private HOME: neither tool may touch the caller's ~/.ssh.
export HOME="$work/home"
mkdir -p "$HOME"

# measure NAME PREPARE COMMAND: prints "MEDIAN_WALL_MS MEAN_CPU_MS" for COMMAND.
measure() {
	local name=$1 prepare=$2 command=$3
	printf '==> %s (%d runs)\n' "$name" "$runs" >&2
	if command -v hyperfine >/dev/null; then
		hyperfine --runs "$runs" --prepare "$prepare" --shell=bash --style=none \
			--export-json "$work/$name.json" "$command" >&2
		# The JSON has the median wall time and the mean user and system CPU times in seconds; awk keeps this free of
		# jq and python. On a shared machine the CPU time is the steadier of the two.
		local median user system
		median=$(grep -o '"median": *[0-9.e+-]*' "$work/$name.json" | head -n 1 | cut -d: -f2)
		user=$(grep -o '"user": *[0-9.e+-]*' "$work/$name.json" | head -n 1 | cut -d: -f2)
		system=$(grep -o '"system": *[0-9.e+-]*' "$work/$name.json" | head -n 1 | cut -d: -f2)
		awk -v m="$median" -v u="$user" -v s="$system" 'BEGIN { printf "%.1f %.1f\n", m * 1000, (u + s) * 1000 }'
	else
		local i start end
		: >"$work/$name.times"
		for ((i = 0; i < runs; i++)); do
			bash -c "$prepare"
			start=$(date +%s%N)
			bash -c "$command" >/dev/null
			end=$(date +%s%N)
			echo $(((end - start) / 1000)) >>"$work/$name.times"
		done
		# No CPU time without hyperfine: "-" in the table.
		sort -n "$work/$name.times" | awk '{ t[NR] = $1 } END { m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2; printf "%.1f -\n", m / 1000 }'
	fi
}

k="$work/keys"
mkdir -p "$k"
nvt_rsa=$(measure nvt-rsa3072 "rm -f $k/n_rsa $k/n_rsa.pub" "$nvt keys gen -t rsa -b 3072 -f $k/n_rsa -N '' -C bench")
ssh_rsa=$(measure ssh-keygen-rsa3072 "rm -f $k/s_rsa $k/s_rsa.pub" "ssh-keygen -q -t rsa -b 3072 -f $k/s_rsa -N '' -C bench")
nvt_ed=$(measure nvt-ed25519-kdf "rm -f $k/n_ed $k/n_ed.pub" "$nvt keys gen -t ed25519 -a 24 -f $k/n_ed -N 'bench passphrase' -C bench")
ssh_ed=$(measure ssh-keygen-ed25519-kdf "rm -f $k/s_ed $k/s_ed.pub" "ssh-keygen -q -t ed25519 -a 24 -f $k/s_ed -N 'bench passphrase' -C bench")

# row NAME "NVT_WALL NVT_CPU" "SSH_WALL SSH_CPU"
row() {
	awk -v name="$1" -v n="$2" -v s="$3" 'BEGIN {
		split(n, nv, " "); split(s, sv, " ")
		r = nv[1] / sv[1]
		cpu = (nv[2] == "-" || sv[2] == "-") ? "-" : sprintf("%.0f / %.0f (%.2fx)", nv[2], sv[2], nv[2] / sv[2])
		printf "| %s | %.1f | %.1f | %.2fx | %s | %s |\n", name, nv[1], sv[1], r, cpu, (r <= 1.5 ? "PASS" : "FAIL")
	}'
}

printf '## nvt keys gen vs ssh-keygen\n\n'
printf '%s; %s; %d runs each (%s); %s\n\n' "$(date -u +%Y-%m-%dT%H:%MZ)" "$(ssh -V 2>&1)" "$runs" \
	"$(command -v hyperfine >/dev/null && echo hyperfine || echo 'date +%s%N loop')" "$(nproc) CPUs"
printf '| key | nvt median (ms) | ssh-keygen median (ms) | nvt / ssh-keygen | CPU ms, mean: nvt / ssh-keygen | median <= 1.5x |\n'
printf '|---|---:|---:|---:|---:|---|\n'
row 'RSA 3072, no passphrase' "$nvt_rsa" "$ssh_rsa"
row 'Ed25519, passphrase, bcrypt 24 rounds' "$nvt_ed" "$ssh_ed"
