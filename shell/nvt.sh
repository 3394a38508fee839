# shellcheck shell=sh
#
# nvt for POSIX shells (sh, dash, ksh). Add this line at the END of the file your shell reads at start-up ($ENV,
# ~/.profile or ~/.kshrc):
#
#     eval "$(nvt init posix)"
#
# Variables (`nvt init` sets the first two in the preamble it prints before this file):
#   __nvt_cmd        name of the jump command (default z; its interactive twin is ${__nvt_cmd}i); empty: none
#   __nvt_hook_mode  pwd or prompt: record the directory at each prompt; none: never
#   __nvt_journal    the visit journal the hook appends to (printed by `nvt init`); empty: it runs `nvt add` instead
#   NVT_DOCTOR       0 silences the warning printed when the hook has gone missing
#
# POSIX shells have no prompt or directory hook: the hook is a command substitution appended to PS1, which runs in a
# subshell that cannot remember the last directory, so `pwd` behaves like `prompt` here. The subshell appends a record
# to the journal with builtins (no clock: the time is '-') and starts no nvt process; it cannot keep a count either, so
# the journal is folded by the next nvt command (z, list...) rather than every 50 prompts. There is no completion.

# Defaults for when this file is sourced directly instead of through `nvt init`.
__nvt_cmd=${__nvt_cmd-z}
__nvt_hook_mode=${__nvt_hook_mode-pwd}
__nvt_journal=${__nvt_journal-}

# ---------------------------------------------------------------------------------------------------------------------
# The hook
# ---------------------------------------------------------------------------------------------------------------------

# Expanded inside PS1: prints nothing, even when nvt is missing or its database is broken. A command substitution in PS1
# does not change $?.
__nvt_hook() {
    __nvt_restore_check
    if [ -n "${__nvt_journal}" ] && [ -O "${__nvt_journal%/*}" ] && [ ! -L "${__nvt_journal%/*}" ]; then
        printf '\0- d %s\0\n' "${PWD}" 2>/dev/null >>"${__nvt_journal}"
    else
        \command nvt add -- "${PWD}" >/dev/null 2>&1
    fi
}

# Before `nvt ssh` changes the tab's look (the Konsole profile, the background) it writes $NVT_RESTORE_MARKER, and it
# removes the file once the look is back. If nvt was killed (SIGKILL, a crash), the file is still there at the next
# prompt; when the nvt that wrote it (its pid is the first line) is gone, `nvt profiles restore` puts the look back.
# The hook runs inside PS1's command substitution, whose output becomes prompt text, so the restore's output (an escape
# sequence for the terminal) goes to stderr, which is the terminal.
__nvt_restore_check() {
    [ -e "${NVT_RESTORE_MARKER-}" ] || return 0
    __nvt_pid=
    read -r __nvt_pid <"${NVT_RESTORE_MARKER}" 2>/dev/null
    # An nvt still running (a background or suspended job) restores the tab itself when its ssh ends.
    case "${__nvt_pid}" in
    '' | *[!0-9]*) ;;
    *) kill -0 "${__nvt_pid}" 2>/dev/null && return 0 ;;
    esac
    \command nvt profiles restore "${NVT_RESTORE_MARKER}" >&2
}

# One marker per interactive shell; a shell started inside this one names its own.
NVT_RESTORE_MARKER="${XDG_RUNTIME_DIR:-${HOME}/.cache}/nvt-restore.$$"
export NVT_RESTORE_MARKER

# The single quotes are on purpose: PS1 must hold the text $(__nvt_hook), expanded at each prompt.
# shellcheck disable=SC2016
if [ "${__nvt_hook_mode}" != none ]; then
    case "${PS1-}" in
    *'$(__nvt_hook)'*) ;;
    *) PS1="${PS1-}\$(__nvt_hook)" ;;
    esac
fi

# Warns once per shell when the jump command is used but the hook is gone.
__nvt_doctor() {
    if [ "${NVT_DOCTOR-1}" = 0 ] || [ "${__nvt_hook_mode}" = none ] || [ -n "${__nvt_doctor_done-}" ]; then
        return 0
    fi
    __nvt_doctor_done=1
    # shellcheck disable=SC2016
    case "${PS1-}" in
    *'$(__nvt_hook)'*) ;;
    *) printf '%s\n' "nvt: the cd hook is missing from PS1, so directories are not being recorded; put eval \"\$(nvt init posix)\" at the end of your shell's start-up file (NVT_DOCTOR=0 hides this)" >&2 ;;
    esac
}

# ---------------------------------------------------------------------------------------------------------------------
# Jumping
# ---------------------------------------------------------------------------------------------------------------------

__nvt_cd() {
    \cd -- "$1" || return
}

# Like cd when cd can (no argument, -, a directory cd accepts, including through CDPATH), a jump otherwise.
__nvt_z() {
    __nvt_doctor
    if [ $# -eq 0 ]; then
        __nvt_cd "${HOME}"
    elif [ $# -eq 1 ] && [ "$1" = - ]; then
        __nvt_cd "${OLDPWD:?nvt: no previous directory}"
    elif [ $# -eq 2 ] && [ "$1" = -- ]; then
        __nvt_cd "$2"
    elif [ $# -eq 1 ] && \cd -- "$1" 2>/dev/null; then
        return 0
    else
        __nvt_result="$(\command nvt query --exclude "${PWD}" -- "$@")" && __nvt_cd "${__nvt_result}"
    fi
}

# Interactive: fzf when installed, else a numbered list; Esc or an empty answer leaves the directory as it was.
__nvt_zi() {
    __nvt_doctor
    __nvt_result="$(\command nvt query --interactive --exclude "${PWD}" -- "$@")" && __nvt_cd "${__nvt_result}"
}

# ---------------------------------------------------------------------------------------------------------------------
# Set-up
# ---------------------------------------------------------------------------------------------------------------------

if [ -n "${__nvt_cmd}" ]; then
    \unalias "${__nvt_cmd}" "${__nvt_cmd}i" >/dev/null 2>&1 || true
    # The name is validated by `nvt init` (letters, digits and '_' only), so eval sees no quoting.
    eval "${__nvt_cmd}() { __nvt_z \"\$@\"; }"
    eval "${__nvt_cmd}i() { __nvt_zi \"\$@\"; }"
fi
