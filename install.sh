#!/bin/sh
# shellcheck shell=sh

# Builds nvt from this checkout and installs the one native binary.
#
#   ./install.sh                  install to ~/.local/bin/nvt
#   ./install.sh --prefix /usr/local
#   PREFIX=/opt/nvt ./install.sh
#   ./install.sh --uninstall      remove the binary and the rc blocks (the database stays)
#   ./install.sh --no-modify-rc   leave ~/.bashrc, ~/.zshrc and fish's conf.d alone
#
# POSIX sh on purpose (no `local`, no arrays) so it runs under dash. Every
# piece of work lives in a function and the only top-level command is the
# braced call at the very end: if this file arrives truncated, the shell
# never reaches that call and nothing runs.

usage() {
    cat <<'EOF'
Usage: install.sh [--prefix DIR] [--no-deps] [--no-modify-rc] [--binary FILE] [--uninstall] [--help]

Builds nvt (a native-AOT binary) from this source checkout with the .NET 10
SDK and installs it as PREFIX/bin/nvt, its manual pages under
PREFIX/share/man, and the shell integration in your rc files.

Options:
  --prefix DIR    install under DIR (default: $PREFIX, else ~/.local)
  --no-deps       do not install Debian packages with apt-get; only warn
                  about missing build dependencies
  --no-modify-rc  do not add the shell integration to ~/.bashrc, ~/.zshrc
                  or fish's conf.d (nor remove it with --uninstall)
  --binary FILE   install FILE, an nvt built already (by ./test.sh or
                  dotnet publish), instead of building one
  --uninstall     remove PREFIX/bin/nvt, its manual pages and the shell
                  integration blocks (your nvt database is kept)
  -h, --help      show this help

The shell integration is one marked block, added once, to ~/.bashrc (when it
exists or bash is your shell), ~/.zshrc (likewise for zsh; $ZDOTDIR is
honoured) and ~/.config/fish/conf.d/nvt.fish (when fish is your shell or
~/.config/fish exists). It puts PREFIX/bin on PATH when it is not there
yet and runs nvt by its full path, so it works in terminals (bash -i) and
over ssh (bash -l) alike:
  case ":$PATH:" in *:"$HOME/.local/bin":*) ;; *) PATH="$HOME/.local/bin":$PATH ;; esac
  if [ -x "$HOME/.local/bin/nvt" ]; then eval "$("$HOME/.local/bin/nvt" init bash)"; fi

Build dependencies: the .NET 10 SDK, a C toolchain (Debian package
build-essential or clang), libsqlite3-dev and zlib1g-dev.
EOF
}

main() {
    set -u

    _prefix="${PREFIX:-}"
    _no_deps=0
    _no_modify_rc=0
    _uninstall=0
    _binary=""
    while [ $# -gt 0 ]; do
        case "$1" in
        --prefix)
            [ $# -ge 2 ] || err "--prefix needs a directory"
            _prefix="$2"
            shift 2
            ;;
        --prefix=*)
            _prefix="${1#--prefix=}"
            shift
            ;;
        --binary)
            [ $# -ge 2 ] || err "--binary needs the path of a built nvt"
            _binary="$2"
            shift 2
            ;;
        --binary=*)
            _binary="${1#--binary=}"
            shift
            ;;
        --no-deps)
            _no_deps=1
            shift
            ;;
        --no-modify-rc)
            _no_modify_rc=1
            shift
            ;;
        --uninstall)
            _uninstall=1
            shift
            ;;
        -h | --help)
            usage
            return 0
            ;;
        *)
            err "unknown option: $1 (see ./install.sh --help)"
            ;;
        esac
    done

    if [ -z "$_prefix" ]; then
        [ -n "${HOME:-}" ] || err "HOME is not set; pass --prefix DIR"
        _prefix="$HOME/.local"
    fi
    # Resolve a relative prefix now: the build below changes directory.
    case "$_prefix" in
    /*) ;;
    *) _prefix="$(pwd)/$_prefix" ;;
    esac
    _prefix="${_prefix%/}"
    _bin_dir="$_prefix/bin"
    _dest="$_bin_dir/nvt"
    _man_dir="$_prefix/share/man"
    _rc_written=""

    if [ "$_uninstall" -eq 1 ]; then
        uninstall
        if [ "$_no_modify_rc" -eq 0 ]; then
            for_each_possible_rc_file remove_rc_block
        fi
        report_database
        return 0
    fi

    need_cmd mktemp
    need_cmd cmp
    [ "$_no_modify_rc" -eq 1 ] || check_prefix_quotable

    _tmp="$(mktemp -d)" || err "mktemp: could not create a temporary directory"
    _part=""
    # Remove the build output and any half-copied binary however we leave
    # (success, error or Ctrl-C).
    trap 'rm -rf "$_tmp"; [ -z "$_part" ] || rm -f "$_part"' EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM

    if [ -n "$_binary" ]; then
        { [ -f "$_binary" ] && [ -x "$_binary" ]; } || err "--binary $_binary is not an executable file"
        _built="$_binary"
    else
        ensure find_source_dir
        ensure check_dotnet
        if [ "$_no_deps" -eq 1 ]; then
            warn_missing_deps
        else
            ensure install_deps
        fi
        echo "Building nvt (dotnet publish, native AOT) ..."
        (cd "$_src_dir" && dotnet publish src/NeuralVision.Tools -c Release -o "$_tmp" --nologo) ||
            err "dotnet publish failed (see the output above)"
        [ -f "$_tmp/nvt" ] || err "dotnet publish did not produce $_tmp/nvt"
        _built="$_tmp/nvt"
    fi

    install_binary "$_built"

    # Prove the installed file runs (and not some other nvt on PATH).
    "$_dest" --version || err "the installed binary does not run: $_dest --version failed"

    install_man_pages

    if [ "$_no_modify_rc" -eq 0 ]; then
        for_each_rc_file add_rc_block
        warn_if_login_bash_skips_bashrc
    fi
    warn_if_not_on_path
}

# ----------------------------------------------------------------------
# Shell integration in rc files
# ----------------------------------------------------------------------

RC_BEGIN="# >>> nvt shell integration >>>"
RC_END="# <<< nvt shell integration <<<"

# The user's login shell (its name only): the passwd entry, else $SHELL.
login_shell() {
    _ls=""
    if check_cmd getent; then
        _ls="$(getent passwd "$(id -un 2>/dev/null)" 2>/dev/null | cut -d: -f7)"
    fi
    [ -n "$_ls" ] || _ls="${SHELL:-}"
    printf '%s\n' "${_ls##*/}"
}

# Is NAME the shell the user logs in with, or the one this install runs from ($SHELL)?
uses_shell() {
    # SHELL may be unset (env -i, cron, a service); set -u must not end the install there.
    _this_shell="${SHELL:-}"
    [ "${_this_shell##*/}" = "$1" ] || [ "$_login_shell" = "$1" ]
}

# Calls "$1 SHELL FILE" for each shell the user has: bash and zsh when their rc file exists or they are the login
# shell; fish when it is the login shell or ~/.config/fish exists (a fish user), not merely because fish is installed.
for_each_rc_file() {
    [ -n "${HOME:-}" ] || return 0
    _login_shell="$(login_shell)"
    if [ -f "$HOME/.bashrc" ] || uses_shell bash; then
        "$1" bash "$HOME/.bashrc"
    fi
    _zdot="${ZDOTDIR:-$HOME}"
    if [ -f "$_zdot/.zshrc" ] || uses_shell zsh; then
        "$1" zsh "$_zdot/.zshrc"
    fi
    _fish_conf="${XDG_CONFIG_HOME:-$HOME/.config}/fish"
    if [ -d "$_fish_conf" ] || uses_shell fish; then
        "$1" fish "$_fish_conf/conf.d/nvt.fish"
    fi
}

# Every file a block may have been written to, whatever the user's shells are now: --uninstall removes them all.
for_each_possible_rc_file() {
    [ -n "${HOME:-}" ] || return 0
    "$1" bash "$HOME/.bashrc"
    "$1" zsh "$HOME/.zshrc"
    if [ -n "${ZDOTDIR:-}" ] && [ "${ZDOTDIR%/}" != "${HOME%/}" ]; then
        "$1" zsh "$ZDOTDIR/.zshrc"
    fi
    "$1" fish "${XDG_CONFIG_HOME:-$HOME/.config}/fish/conf.d/nvt.fish"
}

# A word for sh and fish alike: single-quoted. fish reads \\ and \' as escapes even inside single quotes, so a path with
# either (or a newline) is refused instead (see check_prefix_quotable).
sh_quote() {
    printf "'%s'" "$1"
}

# $HOME/rest when the path is under HOME, so dotfiles copied to a machine with another home path keep working.
rc_path_word() {
    _word_rest="$1"
    _word_home=""
    case "$1" in
    "$HOME"/*)
        _word_rest="${1#"$HOME"/}"
        # shellcheck disable=SC2016 # $HOME is for the rc file to expand
        _word_home='$HOME/'
        ;;
    esac
    case "$_word_rest" in
    *[!A-Za-z0-9._/+-]*)
        # shellcheck disable=SC2016 # $HOME is for the rc file to expand
        [ -z "$_word_home" ] || printf '"$HOME"/'
        sh_quote "$_word_rest"
        ;;
    *) printf '"%s%s"' "$_word_home" "$_word_rest" ;;
    esac
}

check_prefix_quotable() {
    # shellcheck disable=SC1003 # a lone backslash, not an escaped quote
    case "$_bin_dir" in
    *"'"* | *'\'* | *"
"*) err "the install directory $_bin_dir contains a quote, a backslash or a newline; choose another --prefix" ;;
    esac
}

# The block names the binary by its absolute path behind an -x test, and puts its directory on PATH itself: Debian's
# ~/.profile adds ~/.local/bin only in login shells, and only after it has sourced ~/.bashrc, so a terminal's bash
# (-i, not a login shell) would otherwise not find nvt at all. Prepended, as ~/.profile does. When the binary is
# removed by hand the block does nothing, so a shell start-up never breaks.
print_rc_block() {
    _bin_word="$(rc_path_word "$_bin_dir")"
    _nvt_word="$(rc_path_word "$_dest")"
    echo "$RC_BEGIN"
    echo "# Added by nvt's install.sh; ./install.sh --uninstall removes it."
    if [ "$1" = fish ]; then
        echo "if not contains -- $_bin_word \$PATH"
        echo "    set -gx PATH $_bin_word \$PATH"
        echo "end"
        echo "if test -x $_nvt_word"
        echo "    $_nvt_word init fish | source"
        echo "end"
    else
        echo "case \":\$PATH:\" in *:$_bin_word:*) ;; *) PATH=$_bin_word:\$PATH ;; esac"
        echo "if [ -x $_nvt_word ]; then eval \"\$($_nvt_word init $1)\"; fi"
    fi
    echo "$RC_END"
}

# The block now in FILE (markers included), or nothing.
current_rc_block() {
    awk -v begin="$RC_BEGIN" -v end="$RC_END" '
        $0 == begin { inside = 1 }
        inside { print }
        inside && $0 == end { exit }
    ' "$1"
}

add_rc_block() {
    _rc="$2"
    _block="$(print_rc_block "$1")"
    if [ -f "$_rc" ] && grep -qF "$RC_BEGIN" "$_rc"; then
        if [ "$(current_rc_block "$_rc")" = "$_block" ]; then
            echo "nvt is already set up in $_rc"
        else
            # A block from an older install.sh (or another prefix): replaced where it stands.
            replace_rc_block "$_rc" "$_block"
            echo "updated the nvt block in $_rc"
        fi
        _rc_written="$_rc_written $1"
        return 0
    fi
    ensure mkdir -p "$(dirname "$_rc")"
    # Start on a line of our own after a blank line, even if the file lacks a
    # final newline.
    _separator=""
    if [ -s "$_rc" ]; then
        _separator="\n"
        if [ "$(tail -c 1 "$_rc" | od -An -c | tr -d ' ')" != '\n' ]; then
            _separator="\n\n"
        fi
    fi
    printf "$_separator%s\n" "$_block" >>"$_rc" || err "could not write to $_rc"
    _rc_written="$_rc_written $1"
    echo "added the $1 integration to $_rc (open a new shell, then: z KEYWORD)"
}

# Rewrites RC with BLOCK in place of the old one; written through (not renamed over), so a symlinked dotfile stays a
# symlink and keeps its owner and mode.
replace_rc_block() {
    _kept="$(mktemp)" || err "mktemp failed"
    awk -v begin="$RC_BEGIN" -v end="$RC_END" -v block="$2" '
        $0 == begin { skipping = 1; print block; next }
        skipping && $0 == end { skipping = 0; next }
        !skipping { print }
    ' "$1" >"$_kept" || { rm -f "$_kept"; err "could not read $1"; }
    cat "$_kept" >"$1" || { rm -f "$_kept"; err "could not write $1"; }
    rm -f "$_kept"
}

remove_rc_block() {
    _rc="$2"
    if ! [ -f "$_rc" ] || ! grep -qF "$RC_BEGIN" "$_rc"; then
        return 0
    fi
    _kept="$(mktemp)" || err "mktemp failed"
    # The blank line add_rc_block put before the block goes with it.
    awk -v begin="$RC_BEGIN" -v end="$RC_END" '
        skipping { if ($0 == end) skipping = 0; next }
        $0 == begin { skipping = 1; if (blanks > 0) blanks--; for (; blanks > 0; blanks--) print ""; next }
        $0 == "" { blanks++; next }
        { for (; blanks > 0; blanks--) print ""; print }
        END { for (; blanks > 0; blanks--) print "" }
    ' "$_rc" >"$_kept" || { rm -f "$_kept"; err "could not read $_rc"; }
    if ! grep -q '[^[:space:]]' "$_kept"; then
        # The file held only our block (fish's conf.d/nvt.fish, or an rc file install.sh created).
        rm -f "$_kept" "$_rc"
        echo "removed $_rc"
        return 0
    fi
    cat "$_kept" >"$_rc" || { rm -f "$_kept"; err "could not write $_rc"; }
    rm -f "$_kept"
    echo "removed the nvt block from $_rc"
}

# bash reads ~/.bashrc in a login shell (ssh) only when ~/.bash_profile or ~/.bash_login, if present, sources it
# (Debian's ~/.profile does; a hand-made ~/.bash_profile often does not).
warn_if_login_bash_skips_bashrc() {
    case " $_rc_written " in *" bash "*) ;; *) return 0 ;; esac
    for _profile in "$HOME/.bash_profile" "$HOME/.bash_login"; do
        if [ -f "$_profile" ]; then
            if ! grep -q 'bashrc' "$_profile"; then
                echo ""
                echo "NOTE: $_profile does not read ~/.bashrc, so login shells (ssh) will not have z. Add this line to it:"
                echo "  [ -f ~/.bashrc ] && . ~/.bashrc"
            fi
            return 0
        fi
    done
}

# Sets _src_dir to the checkout holding the nvt sources: the directory of
# this script, else the current directory.
find_source_dir() {
    _project="src/NeuralVision.Tools/NeuralVision.Tools.csproj"
    _script_dir="$(cd "$(dirname "$0")" 2>/dev/null && pwd)" || _script_dir=""
    if [ -n "$_script_dir" ] && [ -f "$_script_dir/$_project" ]; then
        _src_dir="$_script_dir"
    elif [ -f "$(pwd)/$_project" ]; then
        _src_dir="$(pwd)"
    else
        err "cannot find $_project: run install.sh from an nvt source checkout (git clone, then ./install.sh)"
    fi
}

check_dotnet() {
    _dotnet_help="Install the .NET 10 SDK, then run this script again:
  Debian/Ubuntu: https://learn.microsoft.com/dotnet/core/install/linux
                 (add the Microsoft package feed, then: apt-get install dotnet-sdk-10.0)
  any Linux:     curl -sSL https://dot.net/v1/dotnet-install.sh | bash -s -- --channel 10.0
                 then add ~/.dotnet to PATH"
    if ! check_cmd dotnet; then
        err "the .NET 10 SDK is required but 'dotnet' was not found on PATH.
$_dotnet_help"
    fi
    if ! dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then
        err "the .NET 10 SDK is required; 'dotnet --list-sdks' lists no 10.x SDK.
$_dotnet_help"
    fi
}

# Sets _missing to the Debian packages whose files are absent. Checks files
# and commands rather than dpkg so the result is right on any distribution.
find_missing_deps() {
    _missing=""
    if ! check_cmd gcc && ! check_cmd clang; then
        _missing="$_missing build-essential"
    fi
    _found_sqlite=0
    for _lib in /usr/lib/*/libsqlite3.a /usr/lib/libsqlite3.a /usr/lib64/libsqlite3.a; do
        [ -f "$_lib" ] && _found_sqlite=1
    done
    if [ "$_found_sqlite" -eq 0 ]; then
        _missing="$_missing libsqlite3-dev"
    fi
    if [ ! -f /usr/include/zlib.h ]; then
        _missing="$_missing zlib1g-dev"
    fi
    _missing="${_missing# }"
}

warn_missing_deps() {
    find_missing_deps
    if [ -n "$_missing" ]; then
        echo "warning: --no-deps: these build dependencies look missing: $_missing" >&2
        echo "warning: the native link step will probably fail without them" >&2
    fi
}

install_deps() {
    find_missing_deps
    [ -n "$_missing" ] || return 0

    _how="Install them (Debian/Ubuntu: apt-get install $_missing), or rerun with --no-deps if you provide them another way."
    check_cmd apt-get || err "missing build dependencies (Debian packages): $_missing
apt-get is not available. $_how"
    if [ "$(id -u)" -eq 0 ]; then
        _sudo=""
    elif check_cmd sudo; then
        _sudo="sudo"
    else
        err "missing build dependencies (Debian packages): $_missing
Not root and sudo is not available. $_how"
    fi

    echo "Installing build dependencies with apt-get: $_missing"
    # Word splitting of $_sudo and $_missing is intended: both are lists.
    # `env` passes DEBIAN_FRONTEND through sudo, whose env_reset drops it.
    # shellcheck disable=SC2086
    if ! $_sudo apt-get update -q; then
        err "apt-get update failed. $_how"
    fi
    # shellcheck disable=SC2086
    if ! $_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $_missing; then
        err "apt-get could not install: $_missing
$_how"
    fi
    find_missing_deps
    [ -z "$_missing" ] || err "still missing after apt-get: $_missing
$_how"
}

install_binary() {
    _built="$1"
    ensure mkdir -p "$_bin_dir"
    if [ -f "$_dest" ] && [ -x "$_dest" ] && cmp -s "$_built" "$_dest"; then
        echo "nvt is up to date at $_dest"
        return 0
    fi

    # Copy beside the target and rename: the swap is atomic, so a shell
    # hook running nvt at this moment sees either the old or the new file.
    _part="$_bin_dir/.nvt.install.$$"
    cp "$_built" "$_part" || { rm -f "$_part"; err "could not copy nvt to $_bin_dir"; }
    chmod 0755 "$_part" || { rm -f "$_part"; err "chmod failed on $_part"; }
    mv -f "$_part" "$_dest" || { rm -f "$_part"; err "could not move nvt into place at $_dest"; }
    echo "installed nvt to $_dest"
}

uninstall() {
    if [ -e "$_dest" ] || [ -L "$_dest" ]; then
        ensure rm -f "$_dest"
        echo "removed $_dest"
    else
        echo "nothing to remove: $_dest does not exist"
    fi
    remove_man_pages
}

# The database is the user's data, not part of the install: it is kept, and its real place is said (the rules of
# NVT_DATA_DIR, XDG_DATA_HOME and ~/.local/share, as nvt applies them).
report_database() {
    if [ -n "${NVT_DATA_DIR:-}" ]; then
        _data_dir="$NVT_DATA_DIR"
    else
        case "${XDG_DATA_HOME:-}" in
        /*) _data_dir="$XDG_DATA_HOME/nvt" ;;
        *) _data_dir="${HOME:-}/.local/share/nvt" ;;
        esac
    fi
    _data_dir="${_data_dir%/}"
    if [ -e "$_data_dir/nvt.db" ]; then
        echo "your nvt database was kept: $_data_dir/nvt.db (remove $_data_dir to forget every directory)"
    else
        echo "no nvt database to keep ($_data_dir/nvt.db does not exist)"
    fi
}

# Pages generated by the binary itself, so they always describe the version installed. Best effort: a missing page
# never fails the install.
install_man_pages() {
    _pages="$_tmp/man"
    if ! "$_dest" "[man]" "$_pages" >/dev/null 2>&1 || ! [ -f "$_pages/nvt.1" ]; then
        echo "warning: could not write the manual pages; skipping them" >&2
        return 0
    fi
    ensure mkdir -p "$_man_dir/man1"
    _count=0
    for _page in "$_pages"/*.1; do
        _name="${_page##*/}"
        if ! [ -f "$_man_dir/man1/$_name" ] || ! cmp -s "$_page" "$_man_dir/man1/$_name"; then
            { cp "$_page" "$_man_dir/man1/.$_name.$$" && mv -f "$_man_dir/man1/.$_name.$$" "$_man_dir/man1/$_name"; } ||
                err "could not install $_man_dir/man1/$_name"
        fi
        _count=$((_count + 1))
    done
    # Pages of commands that no longer exist.
    for _page in "$_man_dir"/man1/nvt.1 "$_man_dir"/man1/nvt-*.1; do
        [ -f "$_page" ] || continue
        [ -f "$_pages/${_page##*/}" ] || rm -f "$_page"
    done
    echo "installed $_count manual pages in $_man_dir/man1 (man nvt)"
}

remove_man_pages() {
    _removed=0
    for _page in "$_man_dir"/man1/nvt.1 "$_man_dir"/man1/nvt-*.1; do
        [ -f "$_page" ] || continue
        rm -f "$_page" && _removed=$((_removed + 1))
    done
    [ "$_removed" -eq 0 ] || echo "removed $_removed manual pages from $_man_dir/man1"
}

# The shells whose rc files now carry the block find nvt by its full path: only someone without one of them (the
# rc files left alone, another login shell) still has to do something, and the lines named work wherever they go.
warn_if_not_on_path() {
    case ":${PATH:-}:" in
    *":$_bin_dir:"* | *":$_bin_dir/:"*) return 0 ;;
    esac
    _login_shell="$(login_shell)"
    case " $_rc_written " in
    *" $_login_shell "*) return 0 ;;
    esac
    echo ""
    echo "NOTE: $_bin_dir is not on your PATH, and install.sh did not set up your shell (${_login_shell:-unknown})."
    case "$_login_shell" in
    fish)
        echo "Add these lines to ~/.config/fish/config.fish (anywhere in it):"
        print_rc_block fish | sed '1,2d;$d' | sed 's/^/  /'
        ;;
    bash | zsh)
        echo "Add these lines to ~/.${_login_shell}rc (anywhere in it):"
        print_rc_block "$_login_shell" | sed '1,2d;$d' | sed 's/^/  /'
        ;;
    *)
        echo "Add $_bin_dir to PATH in your shell's start-up file, for example:"
        echo "  PATH=\"$_bin_dir:\$PATH\"; export PATH"
        ;;
    esac
}

need_cmd() {
    if ! check_cmd "$1"; then
        err "need '$1' (command not found)"
    fi
}

check_cmd() {
    command -v "$1" >/dev/null 2>&1
}

# Run a command that should never fail; stop with the command line if it does.
ensure() {
    if ! "$@"; then err "command failed: $*"; fi
}

err() {
    echo "install.sh: error: $1" >&2
    exit 1
}

# Braced so that nothing runs until the whole file has been read.
{
    main "$@" || exit 1
}
