#!/usr/bin/env bash
# shellcheck shell=bash
# Start-up instructions of nvt's hot commands, counted by callgrind (deterministic, unlike wall time on a shared VM).
#
#   bench/startup-callgrind.sh NVT [NVT...]
#
# Every binary is measured on the same database snapshots (made once, by the first binary, under a fixed path, so
# every run sees identical files): one entry written by 15 adds (a 181 KB WAL, as in startup-2026-11-27.md) and 200
# entries. Each run starts from a fresh copy of its snapshot, with `env -i` and a fixed HOME and NVT_DATA_DIR.
# valgrind 3.19 cannot read the DWARF 5 of nvt.dbg, so each binary is copied alone into the work directory first.
set -euo pipefail

(($# > 0)) || {
	echo "usage: $0 NVT [NVT...]" >&2
	exit 2
}
command -v valgrind >/dev/null || {
	echo "$0: valgrind is not installed (apt-get install valgrind)" >&2
	exit 1
}

work=/tmp/nvt-startup-callgrind
rm -rf "$work"
mkdir -p "$work/home" "$work/snap" "$work/dirs/tmpdir" "$work/bin"
trap 'rm -rf "$work"' EXIT
for i in $(seq 1 200); do mkdir -p "$work/dirs/d$i"; done

binaries=()
for nvt in "$@"; do
	n=${#binaries[@]}
	cp "$nvt" "$work/bin/nvt$n"
	binaries+=("$work/bin/nvt$n")
done

run() { env -i HOME="$work/home" NVT_DATA_DIR="$work/data" PATH=/usr/bin:/bin "$@"; }

rm -rf "$work/data"
for _ in $(seq 1 15); do run "${binaries[0]}" add "$work/dirs/tmpdir"; done
cp -a "$work/data" "$work/snap/one"
rm -rf "$work/data"
for i in $(seq 1 200); do run "${binaries[0]}" add "$work/dirs/d$i"; done
cp -a "$work/data" "$work/snap/many"

# instructions SNAPSHOT NVT ARGS...: callgrind's total for one run
instructions() {
	local snap=$1
	shift
	rm -rf "$work/data"
	[[ $snap == none ]] || cp -a "$work/snap/$snap" "$work/data"
	run valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | sed -n 's/.*Collected : *//p'
}

cases=(
	"one|add existing (1 entry)|add $work/dirs/tmpdir"
	"one|add -- existing (hook form)|add -- $work/dirs/tmpdir"
	"many|add new (200 entries)|add $work/dirs/tmpdir"
	"none|add creating the database|add $work/dirs/tmpdir"
	"one|query tmpdir (1 entry)|query tmpdir"
	"many|query d1 (200 entries)|query d1"
	"none|--version|--version"
)
printf '%-32s' "command"
for nvt in "$@"; do printf ' %14s' "$(basename "$(dirname "$nvt")")"; done
printf '\n'
for entry in "${cases[@]}"; do
	IFS='|' read -r snap label args <<<"$entry"
	printf '%-32s' "$label"
	for bin in "${binaries[@]}"; do
		# shellcheck disable=SC2086 # the arguments are split on purpose
		printf ' %14s' "$(instructions "$snap" "$bin" $args)"
	done
	printf '\n'
done
