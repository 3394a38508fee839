# shellcheck shell=bash
#
# nvt for bash. Add this line at the END of ~/.bashrc (after anything else that sets PROMPT_COMMAND):
#
#     eval "$(nvt init bash)"
#
# Variables (`nvt init` sets the first two in the preamble it prints before this file):
#   __nvt_cmd        name of the jump command (default z; its interactive twin is ${__nvt_cmd}i); empty: none
#   __nvt_hook_mode  pwd: record a directory when $PWD changed; prompt: on every prompt; none: never
#   __nvt_fasd       1: also record the files and directories among each command's arguments, and define fasd's
#                    a s d f sd sf zz v o (`nvt init bash --fasd`)
#   __nvt_journal    the visit journal a cd appends to (printed by `nvt init`); empty: each cd runs `nvt add` instead
#   NVT_DOCTOR       0 silences the warning printed when the hook has gone missing
# Needs bash 4.4 or later for completions that keep nvt's best-first order; the rest works from bash 4.

# Defaults for when this file is sourced directly instead of through `nvt init`.
__nvt_cmd=${__nvt_cmd-z}
__nvt_hook_mode=${__nvt_hook_mode-pwd}
__nvt_fasd=${__nvt_fasd-0}
__nvt_journal=${__nvt_journal-}
# About one `nvt fold` per 50 cds. The count starts at random, so a shell that lives for fewer cds still folds with
# probability cds/50, and any 100 cds of one shell start at most 2 processes.
__nvt_fold_every=50
__nvt_count=${__nvt_count-$((RANDOM % __nvt_fold_every))}

# ---------------------------------------------------------------------------------------------------------------------
# The hook
# ---------------------------------------------------------------------------------------------------------------------

# Runs first in PROMPT_COMMAND. It compares $PWD with the directory it saw last, without any command substitution, so a
# prompt that follows a command without a cd starts no process at all; a cd appends one record to the journal with
# builtins only. It keeps $? for the prompt, and it never prints, even when nvt is missing from PATH or its database is
# broken (`nvt add` and `nvt fold` are silent by design, 2>/dev/null covers the "command not found").
__nvt_hook() {
    \builtin local -r __nvt_status=$?
    __nvt_restore_check
    # Most prompts follow a command that did not change directory: they return here, before any other work.
    if [[ ${__nvt_last_pwd-} == "${PWD}" && ${__nvt_hook_mode} == pwd && (${__nvt_fasd} != 1 || ${HISTCMD-} == "${__nvt_last_histcmd-}") ]]; then
        \builtin return "${__nvt_status}"
    fi
    \builtin local -a __nvt_args
    __nvt_args=()
    # --fasd: a new history entry means a command ran; its arguments go to one `nvt add`, so a command costs one nvt
    # process at most. HISTCMD only moves when a command was entered, so an empty prompt costs nothing; reading the
    # entry costs one command substitution.
    if [[ ${__nvt_fasd} == 1 && ${HISTCMD-} != "${__nvt_last_histcmd-}" ]]; then
        __nvt_last_histcmd=${HISTCMD-}
        \builtin local __nvt_line
        __nvt_line=$(HISTTIMEFORMAT='' \builtin history 1)
        # "  123* command": drop the blanks, the entry number, the modified-entry mark and the blanks after it.
        __nvt_line=${__nvt_line#"${__nvt_line%%[![:space:]]*}"}
        __nvt_line=${__nvt_line#"${__nvt_line%%[![:digit:]]*}"}
        __nvt_line=${__nvt_line#\*}
        __nvt_line=${__nvt_line#"${__nvt_line%%[![:space:]]*}"}
        __nvt_args=(--command "${__nvt_line}")
    fi
    if [[ ${__nvt_hook_mode} == prompt || (${__nvt_hook_mode} == pwd && ${__nvt_last_pwd-} != "${PWD}") ]]; then
        __nvt_last_pwd=${PWD}
        # While history is off (set +o history), where you go is not recorded either.
        if [[ ! -o history ]]; then
            :
        elif ! __nvt_journal_append; then
            __nvt_args+=(-- "${PWD}")
        elif ((${#__nvt_args[@]} == 0)); then
            __nvt_fold_now_and_then
        fi
    fi
    if ((${#__nvt_args[@]} > 0)) && [[ -o history ]]; then
        # Every nvt process folds the journal first, so this one stands in for the next `nvt fold` too.
        __nvt_count=0
        \command nvt add "${__nvt_args[@]}" >/dev/null 2>&1
    fi
    \builtin return "${__nvt_status}"
}

# Appends "NUL TIME SP d SP $PWD NUL LF" to the journal, with builtins only; false when there is no journal to write
# (`nvt init` found no safe data directory) or the directory is no longer ours (then `nvt add` records the visit).
# Only into a directory of ours that is not a symbolic link: nobody else can create or replace the journal there.
__nvt_journal_append() {
    [[ -n ${__nvt_journal} && -O ${__nvt_journal%/*} && ! -L ${__nvt_journal%/*} ]] || \builtin return 1
    # %b turns \\ back into \ and \0L into NUL L: a newline in the path is written as NUL L, so that bash's
    # line-buffered output sends the record in one write(2). Quoted: through `\builtin local` bash does not take the
    # word as an assignment and would split it.
    \builtin local __nvt_path="${PWD//\\/\\\\}"
    __nvt_path=${__nvt_path//$'\n'/\\0L}
    if ((BASH_VERSINFO[0] > 4 || BASH_VERSINFO[1] >= 2)); then
        \builtin printf '\0%(%s)T d %b\0\n' -1 "${__nvt_path}" 2>/dev/null >>"${__nvt_journal}"
    else
        # No %(...)T before bash 4.2: nvt takes the journal's modification time instead.
        \builtin printf '\0- d %b\0\n' "${__nvt_path}" 2>/dev/null >>"${__nvt_journal}"
    fi
}

# Every 50th journaled cd of this shell (on average) folds the journal, so it stays small for someone who never
# queries; every other nvt command folds it first anyway.
__nvt_fold_now_and_then() {
    __nvt_count=$((__nvt_count + 1))
    if ((__nvt_count >= __nvt_fold_every)); then
        __nvt_count=0
        \command nvt fold >/dev/null 2>&1
    fi
}

# Puts the hook first in PROMPT_COMMAND, so it sees the $? of the user's command before anything else changes it.
# PROMPT_COMMAND may be unset, a string, or (bash 5.1+) an array; sourcing this file again leaves one hook.
__nvt_install_hook() {
    # The entry that is already the newest (from the history file) is not a command of this shell.
    __nvt_last_histcmd=${HISTCMD-}
    if [[ ${__nvt_hook_mode} == none && ${__nvt_fasd} != 1 ]]; then
        \builtin return 0
    fi
    if [[ -z ${PROMPT_COMMAND+set} ]]; then
        PROMPT_COMMAND=__nvt_hook
        \builtin return 0
    fi
    # A copy, because ${#PROMPT_COMMAND[@]} on a plain string fails under `set -u` in bash 5.2.
    \builtin local -a __nvt_commands
    __nvt_commands=("${PROMPT_COMMAND[@]}")
    if [[ " ${__nvt_commands[*]} " == *__nvt_hook* ]]; then
        \builtin return 0
    elif ((${#__nvt_commands[@]} > 1)); then
        PROMPT_COMMAND=(__nvt_hook "${__nvt_commands[@]}")
    else
        PROMPT_COMMAND[0]="__nvt_hook${PROMPT_COMMAND[0]:+;${PROMPT_COMMAND[0]#;}}"
    fi
}

# Warns once per shell when the jump command is used but the hook is gone (something reset PROMPT_COMMAND after
# `nvt init` ran), because then nothing new is being recorded.
__nvt_doctor() {
    if [[ ${NVT_DOCTOR-1} == 0 || ${__nvt_hook_mode} == none || -n ${__nvt_doctor_done-} ]]; then
        \builtin return 0
    fi
    __nvt_doctor_done=1
    if [[ " ${PROMPT_COMMAND[*]-} " != *__nvt_hook* ]]; then
        \builtin printf '%s\n' "nvt: the cd hook is missing from PROMPT_COMMAND, so directories are not being recorded; put eval \"\$(nvt init bash)\" at the end of ~/.bashrc (NVT_DOCTOR=0 hides this)" >&2
    fi
}

# ---------------------------------------------------------------------------------------------------------------------
# Restore after a killed `nvt ssh`
# ---------------------------------------------------------------------------------------------------------------------

# Before `nvt ssh` changes the tab's look (the Konsole profile, the background) it writes $NVT_RESTORE_MARKER, and it
# removes the file once the look is back. If nvt was killed (SIGKILL, a crash), the file is still there at the next
# prompt; when the nvt that wrote it (its pid is the first line) is gone, `nvt profiles restore` puts the look back.
# Every other prompt costs one builtin test and starts no process. Called first by the prompt hook.
__nvt_restore_check() {
    [[ -e ${NVT_RESTORE_MARKER-} ]] || \builtin return 0
    \builtin local __nvt_pid=
    \builtin read -r __nvt_pid <"${NVT_RESTORE_MARKER}" 2>/dev/null
    # An nvt still running (a background or suspended job) restores the tab itself when its ssh ends.
    if [[ ${__nvt_pid} =~ ^[0-9]+$ ]] && \builtin kill -0 "${__nvt_pid}" 2>/dev/null; then
        \builtin return 0
    fi
    \command nvt profiles restore "${NVT_RESTORE_MARKER}"
}

# One marker per interactive shell; a shell started inside this one names its own.
export NVT_RESTORE_MARKER="${XDG_RUNTIME_DIR:-${HOME}/.cache}/nvt-restore.$$"

# ---------------------------------------------------------------------------------------------------------------------
# Jumping
# ---------------------------------------------------------------------------------------------------------------------

__nvt_cd() {
    \builtin cd -- "$1" || \builtin return
}

# Like cd when cd can (no argument, -, a directory cd accepts, including through CDPATH), a jump otherwise.
__nvt_z() {
    __nvt_doctor
    if [[ $# -eq 0 ]]; then
        __nvt_cd "${HOME}"
    elif [[ $# -eq 1 && $1 == - ]]; then
        __nvt_cd "${OLDPWD:?nvt: no previous directory}"
    elif [[ $# -eq 2 && $1 == -- ]]; then
        __nvt_cd "$2"
    elif [[ $# -eq 1 ]] && \builtin cd -- "$1" 2>/dev/null; then
        \builtin return 0
    elif [[ ${*: -1} == /* && -d ${*: -1} ]]; then
        # A full path, as completion inserts it after keywords: go there.
        __nvt_cd "${*: -1}"
    else
        \builtin local __nvt_result
        __nvt_result=$(\command nvt query --exclude "${PWD}" -- "$@") && __nvt_cd "${__nvt_result}"
    fi
}

# Interactive: fzf when installed, else a numbered list; Esc or an empty answer leaves the directory as it was.
__nvt_zi() {
    __nvt_doctor
    \builtin local __nvt_result
    __nvt_result=$(\command nvt query --interactive --exclude "${PWD}" -- "$@") && __nvt_cd "${__nvt_result}"
}

# ---------------------------------------------------------------------------------------------------------------------
# Completion
# ---------------------------------------------------------------------------------------------------------------------

# `z foo<Tab>`: the database's directories matching the words typed so far, best first, as full paths (so the chosen
# one is a plain cd). A word that starts like a path completes as a path.
__nvt_z_complete() {
    \builtin local __nvt_current="${COMP_WORDS[COMP_CWORD]-}"
    if [[ ${__nvt_current} == [/.~]* ]]; then
        \builtin mapfile -t COMPREPLY < <(\builtin compgen -d -- "${__nvt_current}")
        \builtin return 0
    fi
    \builtin local -a __nvt_keywords
    __nvt_keywords=()
    \builtin local __nvt_word
    for __nvt_word in "${COMP_WORDS[@]:1:COMP_CWORD}"; do
        if [[ -n ${__nvt_word} ]]; then
            __nvt_keywords+=("${__nvt_word}")
        fi
    done
    \builtin mapfile -t COMPREPLY < <(\command nvt query --list --exclude "${PWD}" -- "${__nvt_keywords[@]}" 2>/dev/null)
    # On the first Tab bash would replace the keyword with the matches' common prefix (often just "/"); offering the
    # typed word too keeps it, and the second Tab lists the matches.
    if ((${#COMPREPLY[@]} > 1 && COMP_TYPE == 9)); then
        COMPREPLY+=("${__nvt_current}")
    fi
}

# `nvt <Tab>`: subcommands and options, from nvt's own parser.
__nvt_complete() {
    \builtin local __nvt_line="${COMP_LINE:0:COMP_POINT}"
    \builtin mapfile -t COMPREPLY < <(\command nvt "[suggest:${#__nvt_line}]" "${COMP_LINE}" 2>/dev/null)
}

# ---------------------------------------------------------------------------------------------------------------------
# Set-up
# ---------------------------------------------------------------------------------------------------------------------

__nvt_install_hook

if [[ -n ${__nvt_cmd} ]]; then
    # An alias of the same name would be expanded inside the definition below.
    \builtin unalias "${__nvt_cmd}" "${__nvt_cmd}i" >/dev/null 2>&1 || \builtin true
    # The name is validated by `nvt init` (letters, digits and '_' only), so eval sees no quoting.
    \builtin eval "${__nvt_cmd}() { __nvt_z \"\$@\"; }"
    \builtin eval "${__nvt_cmd}i() { __nvt_zi \"\$@\"; }"
    if ((BASH_VERSINFO[0] > 4 || (BASH_VERSINFO[0] == 4 && BASH_VERSINFO[1] >= 4))); then
        \builtin complete -o filenames -o nosort -F __nvt_z_complete "${__nvt_cmd}" "${__nvt_cmd}i"
    else
        \builtin complete -o filenames -F __nvt_z_complete "${__nvt_cmd}" "${__nvt_cmd}i"
    fi
fi

\builtin complete -o default -F __nvt_complete nvt

# fasd's commands (`nvt init bash --fasd`); fasd users keep their habits. As functions rather than aliases, so they
# work in scripts and cannot be broken by other aliases.
if [[ ${__nvt_fasd} == 1 ]]; then
    \builtin unalias a s d f sd sf zz v o >/dev/null 2>&1 || \builtin true
    # fasd's own aliases (`alias f='fasd -f'`...), so every fasd flag works: f -l readme, f -e cat readme, d -r, a -s.
    a() { \command nvt fasd -a "$@"; }
    d() { \command nvt fasd -d "$@"; }
    f() { \command nvt fasd -f "$@"; }
    s() { \command nvt fasd -si "$@"; }
    sd() { \command nvt fasd -sid "$@"; }
    sf() { \command nvt fasd -sif "$@"; }
    zz() { __nvt_zi "$@"; }
    v() { \command nvt fasd -f -e "${EDITOR:-vi}" "$@"; }
    o() { \command nvt fasd -a -e xdg-open "$@"; }
fi
