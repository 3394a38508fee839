#!/usr/bin/env bash
# What `nvt ssh` adds around ssh: from nvt's start to ssh's start (D-Bus connect, profileList, profile, setProfile,
# profile, fork/exec) and from ssh's exit to nvt's exit (setProfile back), with the test Konsole service of the
# integration tests on a private dbus-daemon. Target: under 20 ms each. Runs the measuring test
# (SshBenchmarkTests, 15 sessions) on the published binary and prints its figures.
set -euo pipefail

repo_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
nvt="${1:-$repo_dir/artifacts/publish/nvt}"
if [[ ! -x $nvt ]]; then
	printf 'ssh-bench: %s is missing; run dotnet publish src/NeuralVision.Tools -c Release -o artifacts/publish first\n' "$nvt" >&2
	exit 2
fi

NVT_BINARY="$nvt" dotnet test "$repo_dir/tests/NeuralVision.Tools.IntegrationTests" -c Release --nologo \
	--filter "FullyQualifiedName~SshBenchmarkTests" --logger "console;verbosity=detailed" 2>&1 |
	grep -E 'start -> ssh started|ssh exiting -> nvt exited|Passed!|Failed!'
