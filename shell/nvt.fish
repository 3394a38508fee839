# nvt for fish. Add this line to ~/.config/fish/config.fish (or a file in ~/.config/fish/conf.d/):
#
#     nvt init fish | source
#
# Variables (`nvt init` sets the first two in the preamble it prints before this file):
#   __nvt_cmd        name of the jump command (default z; its interactive twin is {$__nvt_cmd}i); empty: none
#   __nvt_hook_mode  pwd: record a directory when $PWD changes; prompt: on every prompt; none: never
#   __nvt_fasd       1: also record the files and directories among each command's arguments (fish_postexec), and
#                    define fasd's a s d f sd sf zz v o (`nvt init fish --fasd`)
#   __nvt_journal    the visit journal a cd appends to (printed by `nvt init`); empty: each cd runs `nvt add` instead
#   NVT_DOCTOR       0 silences the warning printed when the hook has gone missing

# Defaults for when this file is sourced directly instead of through `nvt init`.
set -q __nvt_cmd; or set -g __nvt_cmd z
set -q __nvt_hook_mode; or set -g __nvt_hook_mode pwd
set -q __nvt_fasd; or set -g __nvt_fasd 0
set -q __nvt_journal; or set -g __nvt_journal ''
# About one `nvt fold` per 50 cds; the count starts at random (see nvt.bash).
set -g __nvt_fold_every 50
set -q __nvt_count; or set -g __nvt_count (random 0 49)

# ---------------------------------------------------------------------------------------------------------------------
# The hook
# ---------------------------------------------------------------------------------------------------------------------

# Records $PWD: one record appended to the journal with builtins only (fish has no builtin clock, so the time is '-' and
# nvt takes the journal's modification time), or `nvt add` when there is no journal to write. Nothing is recorded in
# private mode (fish --private), and nothing is ever printed, even when nvt is missing or its database is broken.
function __nvt_add
    set -q fish_private_mode; and return
    if __nvt_journal_append
        __nvt_fold_now_and_then
        return
    end
    command -q nvt; or return
    command nvt add -- $PWD >/dev/null 2>&1
end

# False when there is no journal, or its directory is not ours or is a symbolic link.
function __nvt_journal_append
    test -n "$__nvt_journal"; or return 1
    set -l dir (string replace -r '/[^/]*$' '' -- $__nvt_journal)
    test -O "$dir"; and not test -L "$dir"; or return 1
    printf '\0- d %s\0\n' $PWD 2>/dev/null >>$__nvt_journal
end

# Every 50th journaled cd of this shell (on average) folds the journal (see nvt.bash).
function __nvt_fold_now_and_then
    set -g __nvt_count (math $__nvt_count + 1)
    if test $__nvt_count -ge $__nvt_fold_every
        set -g __nvt_count 0
        command -q nvt; and command nvt fold >/dev/null 2>&1
    end
end

# --fasd: after each command, its arguments and (when it changed) the directory go to one `nvt add`, so a command
# costs one nvt process at most and the files it created exist by then.
function __nvt_fasd_add
    set -q fish_private_mode; and return
    command -q nvt; or return
    set -l args --command $argv[1]
    if test $__nvt_hook_mode = prompt; or begin
            test $__nvt_hook_mode = pwd; and test "$__nvt_last_pwd" != "$PWD"
        end
        set -a args -- $PWD
    end
    set -g __nvt_last_pwd $PWD
    command nvt add $args >/dev/null 2>&1
end

# Defining the function again when config.fish is sourced again replaces it, so there is always one hook.
functions -e __nvt_hook
if test "$__nvt_fasd" = 1
    set -g __nvt_last_pwd $PWD
    function __nvt_hook --on-event fish_postexec
        __nvt_fasd_add $argv
    end
else
    switch $__nvt_hook_mode
        case pwd
            function __nvt_hook --on-variable PWD
                __nvt_add
            end
        case prompt
            function __nvt_hook --on-event fish_prompt
                __nvt_add
            end
    end
end

# Before `nvt ssh` changes the tab's look (the Konsole profile, the background) it writes $NVT_RESTORE_MARKER, and it
# removes the file once the look is back. If nvt was killed (SIGKILL, a crash), the file is still there at the next
# prompt; when the nvt that wrote it (its pid is the first line) is gone, `nvt profiles restore` puts the look back.
# Every other prompt costs one builtin test and starts no process. On every prompt, in every hook mode but none.
functions -e __nvt_restore_check
if test "$__nvt_fasd" = 1; or test "$__nvt_hook_mode" != none
    function __nvt_restore_check --on-event fish_prompt
        test -e "$NVT_RESTORE_MARKER"; or return 0
        read -l pid <$NVT_RESTORE_MARKER 2>/dev/null
        # An nvt still running (a background or suspended job) restores the tab itself when its ssh ends.
        if string match -qr '^[0-9]+$' -- "$pid"; and command kill -0 $pid 2>/dev/null
            return 0
        end
        command nvt profiles restore $NVT_RESTORE_MARKER
    end
end

# One marker per interactive shell; a shell started inside this one names its own.
if set -q XDG_RUNTIME_DIR; and test -n "$XDG_RUNTIME_DIR"
    set -gx NVT_RESTORE_MARKER $XDG_RUNTIME_DIR/nvt-restore.$fish_pid
else
    set -gx NVT_RESTORE_MARKER $HOME/.cache/nvt-restore.$fish_pid
end

# Warns once per shell when the jump command is used but the hook is gone.
function __nvt_doctor
    if test "$NVT_DOCTOR" = 0; or test $__nvt_hook_mode = none; or set -q __nvt_doctor_done
        return 0
    end
    set -g __nvt_doctor_done 1
    if not functions -q __nvt_hook
        echo 'nvt: the cd hook is missing, so directories are not being recorded; put `nvt init fish | source` in ~/.config/fish/config.fish (NVT_DOCTOR=0 hides this)' >&2
    end
end

# ---------------------------------------------------------------------------------------------------------------------
# Jumping
# ---------------------------------------------------------------------------------------------------------------------

# fish's own cd (a function that keeps the directory history `cd -` uses), copied before anything can wrap it, so
# `alias cd=z` does not make z call itself.
if not functions -q __nvt_cd_internal
    functions --copy cd __nvt_cd_internal
end

function __nvt_cd
    __nvt_cd_internal $argv
end

# Like cd when cd can (no argument, -, a directory cd accepts, including through CDPATH), a jump otherwise.
function __nvt_z
    __nvt_doctor
    set -l argc (count $argv)
    if test $argc -eq 0
        __nvt_cd $HOME
    else if test $argc -eq 1; and test "$argv[1]" = -
        __nvt_cd -
    else if test $argc -eq 2; and test "$argv[1]" = --
        __nvt_cd $argv[2]
    else if test $argc -eq 1; and __nvt_cd $argv[1] 2>/dev/null
        return 0
    else if string match -q -- '/*' $argv[-1]; and test -d $argv[-1]
        # A full path, as completion inserts it after keywords: go there.
        __nvt_cd $argv[-1]
    else
        set -l result (command nvt query --exclude $PWD -- $argv | string collect)
        set -l query_status $pipestatus[1]
        test $query_status -eq 0; or return $query_status
        __nvt_cd $result
    end
end

# Interactive: fzf when installed, else a numbered list; Esc or an empty answer leaves the directory as it was.
function __nvt_zi
    __nvt_doctor
    set -l result (command nvt query --interactive --exclude $PWD -- $argv | string collect)
    set -l query_status $pipestatus[1]
    test $query_status -eq 0; or return $query_status
    __nvt_cd $result
end

# ---------------------------------------------------------------------------------------------------------------------
# Completion
# ---------------------------------------------------------------------------------------------------------------------

# `z foo<Tab>`: the database's directories matching the words typed so far, best first, as full paths.
function __nvt_z_complete
    set -l current (commandline -ct)
    if string match -q -r '^[/.~]' -- $current
        __fish_complete_directories $current
        return
    end
    set -l keywords (commandline -opc)[2..-1] $current
    set keywords (string match -v -- '' $keywords)
    command nvt query --list --exclude $PWD -- $keywords 2>/dev/null
end

# `nvt <Tab>`: subcommands and options, from nvt's own parser.
function __nvt_complete
    set -l line (commandline -cp)
    command nvt "[suggest:"(string length -- "$line")"]" (commandline -p) 2>/dev/null
end

# ---------------------------------------------------------------------------------------------------------------------
# Set-up
# ---------------------------------------------------------------------------------------------------------------------

if test -n "$__nvt_cmd"
    function $__nvt_cmd --wraps __nvt_z --description 'jump to a directory with nvt'
        __nvt_z $argv
    end
    function {$__nvt_cmd}i --description 'jump to a directory with nvt, choosing interactively'
        __nvt_zi $argv
    end
    complete -c $__nvt_cmd -e
    complete -c $__nvt_cmd -f -k -a '(__nvt_z_complete)'
    complete -c {$__nvt_cmd}i -e
    complete -c {$__nvt_cmd}i -f -k -a '(__nvt_z_complete)'
end

complete -c nvt -e
complete -c nvt -f -a '(__nvt_complete)'

# fasd's commands (`nvt init fish --fasd`).
if test "$__nvt_fasd" = 1
    # fasd's own aliases (`alias f='fasd -f'`...), so every fasd flag works: f -l readme, f -e cat readme, d -r, a -s.
    function a
        command nvt fasd -a $argv
    end
    function d
        command nvt fasd -d $argv
    end
    function f
        command nvt fasd -f $argv
    end
    function s
        command nvt fasd -si $argv
    end
    function sd
        command nvt fasd -sid $argv
    end
    function sf
        command nvt fasd -sif $argv
    end
    function zz
        __nvt_zi $argv
    end
    function v
        set -l editor vi
        set -q EDITOR; and set editor $EDITOR
        command nvt fasd -f -e $editor $argv
    end
    function o
        command nvt fasd -a -e xdg-open $argv
    end
end
