# nvt for zsh. Add this line at the END of ~/.zshrc (after compinit, so that completion is registered):
#
#     eval "$(nvt init zsh)"
#
# Variables (`nvt init` sets the first two in the preamble it prints before this file):
#   __nvt_cmd        name of the jump command (default z; its interactive twin is ${__nvt_cmd}i); empty: none
#   __nvt_hook_mode  pwd: record a directory when it changes (chpwd); prompt: on every prompt (precmd); none: never
#   __nvt_fasd       1: also record the files and directories among each command's arguments (preexec), define
#                    fasd's a s d f sd sf zz v o and its word completion ,foo f,foo d,foo (`nvt init zsh --fasd`)
#   __nvt_journal    the visit journal a cd appends to (printed by `nvt init`); empty: each cd runs `nvt add` instead
#   NVT_DOCTOR       0 silences the warning printed when the hook has gone missing

# Defaults for when this file is sourced directly instead of through `nvt init`.
__nvt_cmd=${__nvt_cmd-z}
__nvt_hook_mode=${__nvt_hook_mode-pwd}
__nvt_fasd=${__nvt_fasd-0}
typeset -g __nvt_journal=${__nvt_journal-}
# About one `nvt fold` per 50 cds; the count starts at random (see nvt.bash).
typeset -gi __nvt_fold_every=50
typeset -gi __nvt_count=${__nvt_count-$(( RANDOM % __nvt_fold_every ))}
# $EPOCHSECONDS without a process; a zsh without the module writes '-' and nvt takes the journal's time instead.
zmodload -F zsh/datetime p:EPOCHSECONDS 2>/dev/null

# ---------------------------------------------------------------------------------------------------------------------
# The hook
# ---------------------------------------------------------------------------------------------------------------------

# Called by zsh from chpwd_functions (after each directory change) or precmd_functions (before each prompt). zsh keeps
# $? around hook functions; the hook never prints, even when nvt is missing or its database is broken. A cd appends one
# record to the journal with builtins only; `nvt add` runs only when there is no journal to write.
function __nvt_hook() {
    if __nvt_journal_append; then
        __nvt_fold_now_and_then
    else
        \command nvt add -- "${PWD}" >/dev/null 2>&1
    fi
    return 0
}

# Appends "NUL TIME SP d SP $PWD NUL LF" (newlines in the path raw: zsh's print issues one write(2)); false when there is
# no journal or its directory is not ours or is a symbolic link. >>| so that NO_CLOBBER cannot refuse to create it.
function __nvt_journal_append() {
    [[ -n ${__nvt_journal} && -O ${__nvt_journal:h} && ! -L ${__nvt_journal:h} ]] || return 1
    \builtin print -rn -- $'\0'"${EPOCHSECONDS:--} d ${PWD}"$'\0\n' 2>/dev/null >>| ${__nvt_journal}
}

# Every 50th journaled cd of this shell (on average) folds the journal (see nvt.bash).
function __nvt_fold_now_and_then() {
    if (( ++__nvt_count >= __nvt_fold_every )); then
        __nvt_count=0
        \command nvt fold >/dev/null 2>&1
    fi
}

# --fasd: preexec keeps the command line; the prompt after it records its arguments in one `nvt add` (so the files a
# command creates exist by then, and a command costs one process at most); a changed directory goes to the journal.
function __nvt_fasd_preexec() {
    __nvt_last_command=$3
}

function __nvt_fasd_hook() {
    \builtin local -a __nvt_args
    if [[ -n ${__nvt_last_command-} ]]; then
        __nvt_args=(--command "${__nvt_last_command}")
        __nvt_last_command=
    fi
    if [[ ${__nvt_hook_mode} == prompt || (${__nvt_hook_mode} == pwd && ${__nvt_last_pwd-} != "${PWD}") ]]; then
        if ! __nvt_journal_append; then
            __nvt_args+=(-- "${PWD}")
        elif (( ! ${#__nvt_args} )); then
            __nvt_fold_now_and_then
        fi
    fi
    __nvt_last_pwd=${PWD}
    if (( ${#__nvt_args} )); then
        __nvt_count=0
        \command nvt add "${(@)__nvt_args}" >/dev/null 2>&1
    fi
    return 0
}

# ---------------------------------------------------------------------------------------------------------------------
# Restore after a killed `nvt ssh`
# ---------------------------------------------------------------------------------------------------------------------

# Before `nvt ssh` changes the tab's look (the Konsole profile, the background) it writes $NVT_RESTORE_MARKER, and it
# removes the file once the look is back. If nvt was killed (SIGKILL, a crash), the file is still there at the next
# prompt; when the nvt that wrote it (its pid is the first line) is gone, `nvt profiles restore` puts the look back.
# Every other prompt costs one builtin test and starts no process. Runs from precmd_functions in every hook mode but none.
function __nvt_restore_check() {
    [[ -e ${NVT_RESTORE_MARKER-} ]] || return 0
    \builtin local __nvt_pid=
    \builtin read -r __nvt_pid <"${NVT_RESTORE_MARKER}" 2>/dev/null
    # An nvt still running (a background or suspended job) restores the tab itself when its ssh ends.
    if [[ ${__nvt_pid} == <-> ]] && \builtin kill -0 "${__nvt_pid}" 2>/dev/null; then
        return 0
    fi
    \command nvt profiles restore "${NVT_RESTORE_MARKER}"
}

# One marker per interactive shell; a shell started inside this one names its own.
export NVT_RESTORE_MARKER="${XDG_RUNTIME_DIR:-${HOME}/.cache}/nvt-restore.$$"

# Removing before adding keeps one hook when ~/.zshrc is sourced again.
function __nvt_install_hook() {
    (( ${+chpwd_functions} )) || typeset -ga chpwd_functions
    (( ${+precmd_functions} )) || typeset -ga precmd_functions
    (( ${+preexec_functions} )) || typeset -ga preexec_functions
    chpwd_functions=("${(@)chpwd_functions:#__nvt_hook}")
    precmd_functions=("${(@)${(@)${(@)precmd_functions:#__nvt_hook}:#__nvt_fasd_hook}:#__nvt_restore_check}")
    preexec_functions=("${(@)preexec_functions:#__nvt_fasd_preexec}")
    [[ ${__nvt_hook_mode} == none && ${__nvt_fasd} != 1 ]] || precmd_functions+=(__nvt_restore_check)
    if [[ ${__nvt_fasd} == 1 ]]; then
        __nvt_last_pwd=${PWD}
        preexec_functions+=(__nvt_fasd_preexec)
        precmd_functions+=(__nvt_fasd_hook)
        return 0
    fi
    case ${__nvt_hook_mode} in
        pwd) chpwd_functions+=(__nvt_hook) ;;
        prompt) precmd_functions+=(__nvt_hook) ;;
    esac
}

# Warns once per shell when the jump command is used but the hook is gone.
function __nvt_doctor() {
    [[ ${NVT_DOCTOR-1} == 0 || ${__nvt_hook_mode} == none || -n ${__nvt_doctor_done-} ]] && return 0
    __nvt_doctor_done=1
    if (( ! ${chpwd_functions[(Ie)__nvt_hook]} && ! ${precmd_functions[(Ie)__nvt_hook]} && ! ${precmd_functions[(Ie)__nvt_fasd_hook]} )); then
        \builtin print -ru2 -- "nvt: the cd hook is missing from chpwd_functions, so directories are not being recorded; put eval \"\$(nvt init zsh)\" at the end of ~/.zshrc (NVT_DOCTOR=0 hides this)"
    fi
}

# ---------------------------------------------------------------------------------------------------------------------
# Jumping
# ---------------------------------------------------------------------------------------------------------------------

function __nvt_cd() {
    \builtin cd -- "$1" || return
}

# Like cd when cd can (no argument, -, a directory cd accepts, including through cdpath), a jump otherwise.
function __nvt_z() {
    __nvt_doctor
    if (( $# == 0 )); then
        __nvt_cd "${HOME}"
    elif [[ $# -eq 1 && $1 == - ]]; then
        __nvt_cd "${OLDPWD:?nvt: no previous directory}"
    elif [[ $# -eq 2 && $1 == -- ]]; then
        __nvt_cd "$2"
    elif (( $# == 1 )) && \builtin cd -- "$1" 2>/dev/null; then
        return 0
    elif [[ ${@[-1]} == /* && -d ${@[-1]} ]]; then
        # A full path, as completion inserts it after keywords: go there.
        __nvt_cd "${@[-1]}"
    else
        \builtin local __nvt_result
        __nvt_result="$(\command nvt query --exclude "${PWD}" -- "$@")" && __nvt_cd "${__nvt_result}"
    fi
}

# Interactive: fzf when installed, else a numbered list; Esc or an empty answer leaves the directory as it was.
function __nvt_zi() {
    __nvt_doctor
    # Ctrl-C in the picker must give 130 like in the other shells, not abort the function with zsh's own status.
    setopt localoptions localtraps
    trap 'return 130' INT
    \builtin local __nvt_result
    __nvt_result="$(\command nvt query --interactive --exclude "${PWD}" -- "$@")" && __nvt_cd "${__nvt_result}"
}

# ---------------------------------------------------------------------------------------------------------------------
# Completion (needs compinit to have run before this file)
# ---------------------------------------------------------------------------------------------------------------------

# `z foo<Tab>`: the database's directories matching the words typed so far, best first, as full paths.
function __nvt_z_complete() {
    if [[ ${words[CURRENT]} == [/.~]* ]]; then
        _path_files -/
        return
    fi
    \builtin local -a __nvt_keywords __nvt_matches
    __nvt_keywords=("${(@)${(@)words[2,CURRENT]}:#}")
    __nvt_matches=("${(@f)$(\command nvt query --list --exclude "${PWD}" -- "${(@)__nvt_keywords}" 2>/dev/null)}")
    __nvt_matches=("${(@)__nvt_matches:#}")
    (( ${#__nvt_matches} )) || return 1
    # -U: the paths replace the typed word although they do not start with it; -V: keep nvt's best-first order.
    compadd -U -V nvt-directories -- "${(@)__nvt_matches}"
    # Several matches share no useful prefix: go straight to the menu instead of replacing the keyword with "/".
    (( ${#__nvt_matches} > 1 )) && compstate[insert]=menu
    return 0
}

# fasd's word mode, as a completer tried before the others: ",foo<Tab>" (any), "f,foo" (files), "d,foo" (dirs), and the
# suffix forms "foo,," "foo,,f" "foo,,d"; commas separate keywords. The word becomes the best matches, best first.
function __nvt_word_complete() {
    [[ ${__nvt_fasd} == 1 ]] || return 1
    \builtin local __nvt_word=${words[CURRENT]} __nvt_kind=--any __nvt_keys
    case ${__nvt_word} in
        f,*) __nvt_kind=--files; __nvt_keys=${__nvt_word#f,} ;;
        d,*) __nvt_kind=--dirs; __nvt_keys=${__nvt_word#d,} ;;
        ,*) __nvt_keys=${__nvt_word#,} ;;
        *,,f) __nvt_kind=--files; __nvt_keys=${__nvt_word%,,f} ;;
        *,,d) __nvt_kind=--dirs; __nvt_keys=${__nvt_word%,,d} ;;
        *,,) __nvt_keys=${__nvt_word%,,} ;;
        *) return 1 ;;
    esac
    \builtin local -a __nvt_keywords __nvt_matches
    __nvt_keywords=("${(@)${(@s:,:)__nvt_keys}:#}")
    __nvt_matches=("${(@f)$(\command nvt query "${__nvt_kind}" --list -- "${(@)__nvt_keywords}" 2>/dev/null)}")
    __nvt_matches=("${(@)__nvt_matches:#}")
    (( ${#__nvt_matches} )) || return 1
    compadd -U -V nvt-word -Q -- "${(@q)__nvt_matches}"
    (( ${#__nvt_matches} > 1 )) && compstate[insert]=menu
    return 0
}

# `nvt <Tab>`: subcommands and options, from nvt's own parser.
function __nvt_complete() {
    \builtin local __nvt_line="${BUFFER[1,CURSOR]}"
    \builtin local -a __nvt_candidates
    __nvt_candidates=("${(@f)$(\command nvt "[suggest:${#__nvt_line}]" "${BUFFER}" 2>/dev/null)}")
    __nvt_candidates=("${(@)__nvt_candidates:#}")
    compadd -- "${(@)__nvt_candidates}"
}

# ---------------------------------------------------------------------------------------------------------------------
# Set-up
# ---------------------------------------------------------------------------------------------------------------------

__nvt_install_hook

if [[ -n ${__nvt_cmd} ]]; then
    # An alias of the same name would be expanded inside the definitions below.
    \builtin unalias "${__nvt_cmd}" "${__nvt_cmd}i" >/dev/null 2>&1 || \builtin true
    # The name is validated by `nvt init` (letters, digits and '_' only).
    functions[${__nvt_cmd}]='__nvt_z "$@"'
    functions[${__nvt_cmd}i]='__nvt_zi "$@"'
    if (( ${+functions[compdef]} )); then
        compdef __nvt_z_complete "${__nvt_cmd}" "${__nvt_cmd}i"
    fi
fi

if (( ${+functions[compdef]} )); then
    compdef __nvt_complete nvt
fi

# fasd's commands (`nvt init zsh --fasd`), as functions so other aliases cannot break them.
if [[ ${__nvt_fasd} == 1 ]]; then
    \builtin unalias a s d f sd sf zz v o >/dev/null 2>&1 || \builtin true
    # fasd's own aliases (`alias f='fasd -f'`...), so every fasd flag works: f -l readme, f -e cat readme, d -r, a -s.
    function a() { \command nvt fasd -a "$@"; }
    function d() { \command nvt fasd -d "$@"; }
    function f() { \command nvt fasd -f "$@"; }
    function s() { \command nvt fasd -si "$@"; }
    function sd() { \command nvt fasd -sid "$@"; }
    function sf() { \command nvt fasd -sif "$@"; }
    function zz() { __nvt_zi "$@"; }
    function v() { \command nvt fasd -f -e "${EDITOR:-vi}" "$@"; }
    function o() { \command nvt fasd -a -e xdg-open "$@"; }
    # The word-mode completer runs first, then whatever completers were configured (zsh's default otherwise).
    if (( ${+functions[compdef]} )); then
        \builtin local -a __nvt_completers
        zstyle -a ':completion:*' completer __nvt_completers
        __nvt_completers=("${(@)__nvt_completers:#__nvt_word_complete}")
        (( ${#__nvt_completers} )) || __nvt_completers=(_complete _ignored)
        zstyle ':completion:*' completer __nvt_word_complete "${(@)__nvt_completers}"
    fi
fi
