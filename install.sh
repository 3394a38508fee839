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
Usage: install.sh [--prefix DIR] [--no-deps] [--no-modify-rc] [--uninstall] [--help]

Builds nvt (a native-AOT binary) from this source checkout with the .NET 10
SDK and installs it as PREFIX/bin/nvt.

Options:
  --prefix DIR   install under DIR (default: $PREFIX, else ~/.local)
  --no-deps      do not install Debian packages with apt-get; only warn
                 about missing build dependencies
  --no-modify-rc do not add the shell integration to ~/.bashrc, ~/.zshrc
                 or fish's conf.d (nor remove it with --uninstall)
  --uninstall    remove PREFIX/bin/nvt and the shell integration blocks
                 (your nvt database is kept)

The shell integration is a guarded block, added once, to ~/.bashrc (when it
exists or bash is your login shell), ~/.zshrc (likewise for zsh) and
~/.config/fish/conf.d/nvt.fish (when fish is installed):
  if command -v nvt >/dev/null 2>&1; then eval "$(nvt init bash)"; fi
  -h, --help     show this help

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
    _bin_dir="${_prefix%/}/bin"
    _dest="$_bin_dir/nvt"

    if [ "$_uninstall" -eq 1 ]; then
        uninstall
        if [ "$_no_modify_rc" -eq 0 ]; then
            for_each_rc_file remove_rc_block
        fi
        return 0
    fi

    need_cmd mktemp
    need_cmd cmp
    ensure find_source_dir
    ensure check_dotnet
    if [ "$_no_deps" -eq 1 ]; then
        warn_missing_deps
    else
        ensure install_deps
    fi

    _tmp="$(mktemp -d)" || err "mktemp: could not create a temporary directory"
    _part=""
    # Remove the build output and any half-copied binary however we leave
    # (success, error or Ctrl-C).
    trap 'rm -rf "$_tmp"; [ -z "$_part" ] || rm -f "$_part"' EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM

    echo "Building nvt (dotnet publish, native AOT) ..."
    (cd "$_src_dir" && dotnet publish src/NeuralVision.Tools -c Release -o "$_tmp" --nologo) ||
        err "dotnet publish failed (see the output above)"
    [ -f "$_tmp/nvt" ] || err "dotnet publish did not produce $_tmp/nvt"

    install_binary "$_tmp/nvt"

    # Prove the installed file runs (and not some other nvt on PATH).
    "$_dest" --version || err "the installed binary does not run: $_dest --version failed"

    warn_if_not_on_path

    if [ "$_no_modify_rc" -eq 0 ]; then
        for_each_rc_file add_rc_block
    fi
}

# ----------------------------------------------------------------------
# Shell integration in rc files
# ----------------------------------------------------------------------

RC_BEGIN="# >>> nvt shell integration >>>"
RC_END="# <<< nvt shell integration <<<"

# Calls "$1 SHELL FILE" for each shell the user has: bash and zsh when their
# rc file exists or they are the login shell, fish when it is installed.
for_each_rc_file() {
    [ -n "${HOME:-}" ] || return 0
    if [ -f "$HOME/.bashrc" ] || [ "${SHELL##*/}" = bash ]; then
        "$1" bash "$HOME/.bashrc"
    fi
    _zdot="${ZDOTDIR:-$HOME}"
    if [ -f "$_zdot/.zshrc" ] || [ "${SHELL##*/}" = zsh ]; then
        "$1" zsh "$_zdot/.zshrc"
    fi
    _fish_conf="${XDG_CONFIG_HOME:-$HOME/.config}/fish"
    if check_cmd fish || [ -d "$_fish_conf" ] || [ "${SHELL##*/}" = fish ]; then
        "$1" fish "$_fish_conf/conf.d/nvt.fish"
    fi
}

# The guarded block: it does nothing when nvt is not on PATH, so removing the
# binary by hand never breaks a shell start-up.
print_rc_block() {
    echo "$RC_BEGIN"
    echo "# Added by nvt's install.sh; ./install.sh --uninstall removes it."
    if [ "$1" = fish ]; then
        echo "if command -q nvt"
        echo "    nvt init fish | source"
        echo "end"
    else
        echo "if command -v nvt >/dev/null 2>&1; then"
        echo "    eval \"\$(nvt init $1)\""
        echo "fi"
    fi
    echo "$RC_END"
}

add_rc_block() {
    _rc="$2"
    if [ -f "$_rc" ] && grep -qF "$RC_BEGIN" "$_rc"; then
        echo "nvt is already set up in $_rc"
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
    _block="$(print_rc_block "$1")"
    printf "$_separator%s\n" "$_block" >>"$_rc" || err "could not write to $_rc"
    echo "added the $1 integration to $_rc (open a new shell, then: z KEYWORD)"
}

remove_rc_block() {
    _rc="$2"
    if ! [ -f "$_rc" ] || ! grep -qF "$RC_BEGIN" "$_rc"; then
        return 0
    fi
    _kept="$(mktemp)" || err "mktemp failed"
    awk -v begin="$RC_BEGIN" -v end="$RC_END" '
        $0 == begin { skipping = 1; next }
        skipping && $0 == end { skipping = 0; next }
        !skipping { print }
    ' "$_rc" >"$_kept" || { rm -f "$_kept"; err "could not read $_rc"; }
    if ! grep -q '[^[:space:]]' "$_kept"; then
        # The file held only our block (fish's conf.d/nvt.fish, or an rc file install.sh created).
        rm -f "$_kept" "$_rc"
        echo "removed $_rc"
        return 0
    fi
    # Written through (not renamed over) so a symlinked dotfile stays a symlink
    # and keeps its owner and mode.
    cat "$_kept" >"$_rc" || { rm -f "$_kept"; err "could not write $_rc"; }
    rm -f "$_kept"
    echo "removed the nvt block from $_rc"
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
    # The database is the user's data, not part of the install: leave it.
    echo "your nvt database was kept (it lives in \$NVT_DATA_DIR, else \$XDG_DATA_HOME/nvt, else ~/.local/share/nvt)"
}

warn_if_not_on_path() {
    case ":${PATH:-}:" in
    *":$_bin_dir:"* | *":$_bin_dir/:"*) ;;
    *)
        echo ""
        echo "NOTE: $_bin_dir is not on your PATH. Add this line to your shell's rc file:"
        echo "  export PATH=\"$_bin_dir:\$PATH\""
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
