#!/usr/bin/env bash
# shellcheck shell=bash
# Functions handed to check() run indirectly, which shellcheck 0.9 reports as
# unreachable code (SC2317).
# shellcheck disable=SC2317

# The one command that runs nvt's whole test suite on a Debian/Ubuntu machine
# with the .NET 10 SDK:
#
#   ./test.sh          everything: deps, build, shellcheck, AOT publish + ldd
#                      guard, unit and integration tests, install.sh checks
#   ./test.sh --unit   quick: deps, build, shellcheck, unit tests only
#
# The last line printed is always the summary, `tests: N passed, N failed`
# (`, N skipped` when some were skipped). The exit code is non-zero when a
# test or a step failed, or when no .NET test ran at all.
#
# `set -e` does not protect us from itself here: each step runs inside an
# `if`, where errexit is off, so every command whose failure matters is
# checked explicitly (`|| return 1`) and a failing `dotnet test` never stops
# the script before the summary.

set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

readonly SOLUTION=NeuralVision.Tools.sln
readonly CLI_PROJECT=src/NeuralVision.Tools
readonly ARTIFACTS=artifacts
readonly PUBLISH_DIR=$ARTIFACTS/publish
readonly RESULTS_DIR=$ARTIFACTS/test-results

export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

unit_only=0

# Shell-level checks (shellcheck per file, ldd guard, install.sh checks).
checks_passed=0
checks_failed=0
# Steps that failed as a whole (build, publish, a test host crash, ...).
failed_steps=()

usage() {
    cat <<'EOF'
Usage: ./test.sh [--unit] [--help]

Runs the whole nvt test suite: installs missing Debian packages (as root or
with sudo), builds with -warnaserror, runs shellcheck, publishes the native
AOT binary and checks its dependencies, runs every test project, and checks
install.sh in a temporary prefix.

  --unit   only build, shellcheck and the unit tests (no publish,
           integration tests or install.sh checks)
EOF
}

section() {
    printf '\n========== %s ==========\n' "$*"
}

note() {
    printf 'test.sh: %s\n' "$*"
}

# Record one shell-level check: check NAME COMMAND...
check() {
    local name=$1
    shift
    if "$@"; then
        checks_passed=$((checks_passed + 1))
        printf '  PASS  %s\n' "$name"
    else
        checks_failed=$((checks_failed + 1))
        printf '  FAIL  %s\n' "$name"
    fi
}

step_failed() {
    failed_steps+=("$1")
    printf 'test.sh: STEP FAILED: %s\n' "$1" >&2
}

# --------------------------------------------------------------------------
# (a) system packages
# --------------------------------------------------------------------------

# Is the Debian package installed, or is what we need from it present anyway
# (checked by file or command, so other installs of the same tools count)?
have_package() {
    local pkg=$1
    if command -v dpkg-query >/dev/null 2>&1 &&
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
        return 0
    fi
    case "$pkg" in
    build-essential) command -v gcc >/dev/null 2>&1 || command -v clang >/dev/null 2>&1 ;;
    libsqlite3-dev) compgen -G '/usr/lib/*/libsqlite3.a' >/dev/null || [[ -f /usr/lib/libsqlite3.a ]] ;;
    zlib1g-dev) [[ -f /usr/include/zlib.h ]] ;;
    openssh-server) command -v sshd >/dev/null 2>&1 || [[ -x /usr/sbin/sshd ]] ;;
    openssh-client) command -v ssh-keygen >/dev/null 2>&1 ;;
    dbus) command -v dbus-daemon >/dev/null 2>&1 ;;
    xvfb) command -v Xvfb >/dev/null 2>&1 ;;
    imagemagick) command -v import >/dev/null 2>&1 && command -v convert >/dev/null 2>&1 ;;
    man-db) command -v man >/dev/null 2>&1 ;;
    time) [[ -x /usr/bin/time ]] ;;
    python3) [[ -x /usr/bin/python3 ]] || command -v python3 >/dev/null 2>&1 ;;
    *) command -v "$pkg" >/dev/null 2>&1 ;;
    esac
}

install_packages() {
    # mandoc lints the manual pages in the unit tests.
    local wanted=(libsqlite3-dev shellcheck mandoc)
    if ((unit_only == 0)); then
        # A C toolchain is only needed for the native AOT link (publish).
        wanted+=(build-essential zlib1g-dev zsh fish dash tmux fzf sqlite3 openssh-server openssh-client dbus fasd zoxide autojump man-db)
        # The fingerprint corpus (Keys/Corpus/make-corpus.sh): keys from openssl, hand-built files from python3, the
        # memory of hostile inputs measured by GNU time.
        wanted+=(openssl python3 time)
        # A real Konsole, headless, for the tests of what a user sees (Konsole/): the X server, screenshots, windows.
        wanted+=(konsole xvfb imagemagick xdotool)
    fi

    local missing=() pkg
    for pkg in "${wanted[@]}"; do
        if [[ $pkg == build-essential ]] && have_package clang; then
            continue # clang is an accepted toolchain too
        fi
        have_package "$pkg" || missing+=("$pkg")
    done
    if ((${#missing[@]} == 0)); then
        note "all system packages present"
        return 0
    fi

    local sudo=()
    if ((EUID != 0)); then
        if command -v sudo >/dev/null 2>&1; then
            sudo=(sudo)
        else
            note "missing Debian packages: ${missing[*]}"
            note "not root and sudo is not available; install them with: apt-get install ${missing[*]}"
            return 1
        fi
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        note "missing Debian packages: ${missing[*]} (and apt-get is not available to install them)"
        return 1
    fi

    note "installing with apt-get: ${missing[*]}"
    # `env` carries DEBIAN_FRONTEND through sudo's env_reset.
    if ! "${sudo[@]}" apt-get update -q ||
        ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
            apt-get install -y -q --no-install-recommends "${missing[@]}"; then
        note "apt-get failed; still missing: ${missing[*]}"
        return 1
    fi
}

check_dotnet() {
    if ! command -v dotnet >/dev/null 2>&1 || ! dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then
        note "the .NET 10 SDK is required (dotnet --list-sdks lists no 10.x)."
        note "install it: https://learn.microsoft.com/dotnet/core/install/linux"
        return 1
    fi
}

# --------------------------------------------------------------------------
# (c) shellcheck
# --------------------------------------------------------------------------

run_shellcheck() {
    local file
    check "shellcheck -s sh install.sh" shellcheck -s sh install.sh
    check "shellcheck test.sh" shellcheck test.sh
    check "shellcheck .ci/run" shellcheck -s bash .ci/run
    shopt -s nullglob
    for file in shell/*.sh shell/*.bash; do
        check "shellcheck $file" shellcheck "$file"
    done
    shopt -u nullglob
}

# --------------------------------------------------------------------------
# (d) publish and the single-file guard
# --------------------------------------------------------------------------

publish() {
    # Start from an empty directory so a stale binary can never be tested.
    rm -rf "$PUBLISH_DIR"
    dotnet publish "$CLI_PROJECT" -c Release -o "$PUBLISH_DIR" --nologo -warnaserror || return 1
    [[ -x $PUBLISH_DIR/nvt ]] || {
        note "publish did not produce $PUBLISH_DIR/nvt"
        return 1
    }
}

# Only the kernel vDSO, libc, libm and the loader may be needed at run time;
# in particular SQLite must be linked in, not loaded from libsqlite3.so.
ldd_is_minimal() {
    local out line bad=0
    out=$(ldd "$PUBLISH_DIR/nvt" 2>&1) || {
        printf '%s\n' "$out"
        return 1
    }
    printf '%s\n' "$out" | sed 's/^/        /'
    while IFS= read -r line; do
        case "$line" in
        *linux-vdso.so* | *libc.so.* | *libm.so.* | *ld-linux*) ;;
        *)
            printf '        unexpected dependency: %s\n' "$line" >&2
            bad=1
            ;;
        esac
    done <<<"$out"
    return "$bad"
}

no_shared_libraries_beside() {
    local libs
    libs=$(find "$PUBLISH_DIR" -maxdepth 1 -name '*.so*' -print)
    if [[ -n $libs ]]; then
        printf '        shared library shipped beside nvt: %s\n' "$libs" >&2
        return 1
    fi
}

# --------------------------------------------------------------------------
# (e) test projects
# --------------------------------------------------------------------------

run_test_project() {
    local project=$1 name
    name=$(basename "$project" .csproj)
    section "dotnet test $name"
    if ! dotnet test "$project" -c Release --no-build \
        --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS_DIR"; then
        # Failed tests are counted from the TRX; a missing TRX means the
        # run itself broke (crash, bad build), which the counts cannot show.
        if [[ ! -f $RESULTS_DIR/$name.trx ]]; then
            step_failed "dotnet test $name (no results file)"
        else
            note "dotnet test $name reported failures"
        fi
    fi
}

# --------------------------------------------------------------------------
# (f) install.sh in a temporary prefix
# --------------------------------------------------------------------------

# Each check runs install.sh with its output in $ic_log; the output is shown
# only when the check fails.
ic_prefix=""
ic_log=""
ic_home=""

# install.sh edits rc files in HOME: it runs with a throw-away HOME whose
# .bashrc has a line of the user's own, and bash as the login shell.
ic_run() {
    HOME=$ic_home SHELL=/bin/bash XDG_CONFIG_HOME=$ic_home/.config ./install.sh "$@" >"$ic_log" 2>&1 || {
        note "install.sh $* exited non-zero"
        ic_show_log
        return 1
    }
}

ic_log_has() {
    grep -qF -- "$1" "$ic_log" || {
        note "install.sh output lacks: $1"
        ic_show_log
        return 1
    }
}

ic_show_log() {
    sed 's/^/        | /' "$ic_log"
}

ic_help() {
    ic_run --help && ic_log_has "Usage: install.sh"
}

ic_install() {
    PREFIX=$ic_prefix ic_run --no-deps && ic_log_has "installed nvt to $ic_prefix/bin/nvt"
}

ic_runs() {
    [[ $(stat -c %a "$ic_prefix/bin/nvt") == 755 ]] && "$ic_prefix/bin/nvt" --version
}

ic_only_nvt() {
    local contents
    contents=$(ls -A "$ic_prefix/bin")
    [[ $contents == nvt ]] || {
        note "expected only nvt in $ic_prefix/bin, found: $contents"
        return 1
    }
}

ic_up_to_date() {
    # The second run passes the prefix as an option to cover --prefix too.
    ic_run --no-deps --prefix "$ic_prefix" && ic_log_has "nvt is up to date at $ic_prefix/bin/nvt"
}

ic_man_pages() {
    [[ -f $ic_prefix/share/man/man1/nvt.1 && -f $ic_prefix/share/man/man1/nvt-query.1 ]] &&
        MANWIDTH=80 man -l "$ic_prefix/share/man/man1/nvt-query.1" 2>/dev/null | grep -q -- '--exclude PATH'
}

ic_uninstall() {
    PREFIX=$ic_prefix ic_run --uninstall && ic_log_has "removed $ic_prefix/bin/nvt" &&
        [[ ! -e $ic_prefix/bin/nvt && ! -e $ic_prefix/share/man/man1/nvt.1 ]]
}

ic_rc_blocks() {
    grep -cF '# >>> nvt shell integration >>>' "$ic_home/.bashrc" || true
}

ic_rc_added_once() {
    local eval_line
    # The block runs the installed binary by its full path (not `nvt` from PATH, which a terminal's bash may lack).
    eval_line="eval \"\$(\"$ic_prefix/bin/nvt\" init bash)\""
    if [[ $(ic_rc_blocks) == 1 ]] && grep -qF "$eval_line" "$ic_home/.bashrc" &&
        grep -qxF 'alias ll="ls -l"' "$ic_home/.bashrc"; then
        return 0
    fi
    note "expected one nvt block and the user's line in .bashrc:"
    sed 's/^/        | /' "$ic_home/.bashrc"
    return 1
}

ic_rc_removed() {
    if [[ $(ic_rc_blocks) == 0 ]] && grep -qxF 'alias ll="ls -l"' "$ic_home/.bashrc"; then
        return 0
    fi
    note "expected .bashrc without the nvt block but with the user's line:"
    sed 's/^/        | /' "$ic_home/.bashrc"
    return 1
}

ic_no_modify_rc() {
    PREFIX=$ic_prefix ic_run --no-deps --no-modify-rc && [[ $(ic_rc_blocks) == 0 ]]
}

ic_uninstall_again() {
    PREFIX=$ic_prefix ic_run --uninstall && ic_log_has "nothing to remove"
}

install_checks() {
    ic_prefix=$(mktemp -d) && ic_log=$(mktemp) && ic_home=$(mktemp -d) || return 1
    echo 'alias ll="ls -l"' >"$ic_home/.bashrc"
    check "install.sh --help prints usage" ic_help
    check "install.sh --no-deps installs into \$PREFIX" ic_install
    check "install.sh adds one guarded block to .bashrc" ic_rc_added_once
    check "installed nvt is mode 755 and runs --version" ic_runs
    check "install.sh installs only the nvt binary" ic_only_nvt
    check "install.sh installs the manual pages (man nvt-query)" ic_man_pages
    check "install.sh --prefix again reports up to date" ic_up_to_date
    check "install.sh run twice keeps one block in .bashrc" ic_rc_added_once
    check "install.sh --uninstall removes nvt and its manual pages" ic_uninstall
    check "install.sh --uninstall removes the .bashrc block only" ic_rc_removed
    check "install.sh --uninstall again has nothing to remove" ic_uninstall_again
    check "install.sh --no-modify-rc leaves .bashrc alone" ic_no_modify_rc
    rm -rf "$ic_prefix" "$ic_log" "$ic_home"
}

# --------------------------------------------------------------------------
# (g) totals
# --------------------------------------------------------------------------

# Prints "total executed passed failed" summed over the TRX files. A failed
# run can also be reported as error/timeout/aborted, so those count as failed.
trx_totals() {
    local trx
    local -a files=()
    shopt -s nullglob
    files=("$RESULTS_DIR"/*.trx)
    shopt -u nullglob
    if ((${#files[@]} == 0)); then
        echo "0 0 0 0"
        return
    fi
    for trx in "${files[@]}"; do
        grep -o '<Counters [^>]*>' "$trx" | head -n 1
    done | awk '
        function attr(name,   m) {
            if (match($0, name "=\"[0-9]+\"")) {
                m = substr($0, RSTART, RLENGTH); gsub(/[^0-9]/, "", m); return m + 0
            }
            return 0
        }
        {
            total += attr("total"); executed += attr("executed"); passed += attr("passed")
            failed += attr("failed") + attr("error") + attr("timeout") + attr("aborted")
        }
        END { printf "%d %d %d %d\n", total, executed, passed, failed }'
}

finish() {
    local total=0 executed=0 passed=0 failed=0 skipped
    read -r total executed passed failed < <(trx_totals)
    # xunit's skipped tests are in `total` but not in `executed`.
    skipped=$((total - executed))
    ((skipped >= 0)) || skipped=0

    section "summary"
    note ".NET tests: $passed passed, $failed failed, $skipped skipped (from $RESULTS_DIR/*.trx)"
    note "shell checks: $checks_passed passed, $checks_failed failed"
    if ((executed == 0)) && ((${#failed_steps[@]} == 0)); then
        step_failed "no .NET test ran"
    fi
    local step
    for step in "${failed_steps[@]}"; do
        note "failed step: $step"
    done

    # A step that could not run its tests (a build that broke, no test at all) counts as one failure, so the
    # summary line never reads "0 failed" on a failed run.
    passed=$((passed + checks_passed))
    failed=$((failed + checks_failed + ${#failed_steps[@]}))
    local line="tests: $passed passed, $failed failed"
    ((skipped == 0)) || line+=", $skipped skipped"
    echo "$line"

    if ((failed > 0 || ${#failed_steps[@]} > 0)); then
        exit 1
    fi
    exit 0
}

main() {
    while (($# > 0)); do
        case "$1" in
        --unit) unit_only=1 ;;
        -h | --help)
            usage
            exit 0
            ;;
        *)
            echo "test.sh: unknown option: $1 (see ./test.sh --help)" >&2
            exit 2
            ;;
        esac
        shift
    done

    # Only this run's results may be counted.
    rm -rf "$RESULTS_DIR"
    mkdir -p "$RESULTS_DIR"

    section "system packages"
    if ! install_packages; then
        step_failed "system packages"
        finish
    fi
    if ! check_dotnet; then
        step_failed ".NET 10 SDK"
        finish
    fi

    section "dotnet build $SOLUTION (-warnaserror)"
    local built=1
    if ! dotnet build "$SOLUTION" -c Release -warnaserror --nologo; then
        built=0
        step_failed "dotnet build"
    fi

    section "shellcheck"
    run_shellcheck

    # Unit test projects first (fast feedback), integration tests after.
    local -a projects=()
    local project
    for project in tests/*/*.csproj; do
        [[ $project == *IntegrationTests* ]] || projects+=("$project")
    done
    if ((unit_only == 0)); then
        for project in tests/*/*.csproj; do
            [[ $project != *IntegrationTests* ]] || projects+=("$project")
        done
    fi

    local published=0
    if ((unit_only == 0)); then
        section "dotnet publish $CLI_PROJECT (native AOT, -warnaserror)"
        if publish; then
            published=1
            check "published nvt needs only libc, libm and the loader (ldd)" ldd_is_minimal
            check "no shared library ships beside nvt" no_shared_libraries_beside
        else
            step_failed "dotnet publish"
        fi
        export NVT_BINARY=$PWD/$PUBLISH_DIR/nvt
    fi

    if ((built == 1)); then
        for project in "${projects[@]}"; do
            if [[ $project == *IntegrationTests* ]] && ((published == 0)); then
                step_failed "$(basename "$project" .csproj) not run: no published nvt"
                continue
            fi
            run_test_project "$project"
        done
    else
        note "build failed: test projects not run (--no-build would test stale binaries)"
    fi

    if ((unit_only == 0)); then
        section "install.sh"
        if ((published == 1)); then
            install_checks || step_failed "install.sh checks (could not create temp files)"
        else
            step_failed "install.sh checks not run: publish failed"
        fi
    fi

    finish
}

main "$@"
