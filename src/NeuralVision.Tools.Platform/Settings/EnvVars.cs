namespace NeuralVision.Tools.Platform.Settings;

/// <summary>Names of the environment variables nvt reads; each has one accessor in <see cref="NvtSettings"/>.</summary>
public static class EnvVars
{
    // nvt's own.
    public const string DataDir = "NVT_DATA_DIR";
    public const string ExcludeDirs = "NVT_EXCLUDE_DIRS";
    public const string MaxAge = "NVT_MAXAGE";
    public const string ResolveSymlinks = "NVT_RESOLVE_SYMLINKS";
    public const string Debug = "NVT_DEBUG";
    public const string FzfOptions = "NVT_FZF_OPTS";
    public const string Ignore = "NVT_IGNORE";
    public const string Shift = "NVT_SHIFT";
    public const string Config = "NVT_CONFIG";

    /// <summary>Set by the shell integration: the file a running `nvt ssh` leaves for the prompt's restore check.</summary>
    public const string RestoreMarker = "NVT_RESTORE_MARKER";

    // The system's and the XDG base directories'.
    public const string Home = "HOME";
    public const string Path = "PATH";
    public const string XdgDataHome = "XDG_DATA_HOME";
    public const string XdgConfigHome = "XDG_CONFIG_HOME";
    public const string XdgDataDirs = "XDG_DATA_DIRS";
    public const string XdgRuntimeDir = "XDG_RUNTIME_DIR";

    // fzf's, passed on to it.
    public const string FzfDefaultOptions = "FZF_DEFAULT_OPTS";

    // OpenSSH's askpass rules (readpass.c), which `nvt keys copy` follows.
    public const string Askpass = "SSH_ASKPASS";
    public const string AskpassRequire = "SSH_ASKPASS_REQUIRE";
    public const string Display = "DISPLAY";
    public const string WaylandDisplay = "WAYLAND_DISPLAY";

    // The locale, in the order the C library reads it for character classes (is UTF-8 printable?).
    public const string LcAll = "LC_ALL";
    public const string LcCtype = "LC_CTYPE";
    public const string Lang = "LANG";

    // ssh-agent's socket (`nvt keys copy` and `keys setup` use the agent's keys).
    public const string AuthSocket = "SSH_AUTH_SOCK";

    // What Konsole sets in every tab, and the session bus.
    public const string KonsoleService = "KONSOLE_DBUS_SERVICE";
    public const string KonsoleSession = "KONSOLE_DBUS_SESSION";
    public const string KonsoleWindow = "KONSOLE_DBUS_WINDOW";
    public const string SessionBusAddress = "DBUS_SESSION_BUS_ADDRESS";
    public const string KonsoleVersion = "KONSOLE_VERSION";

    // What tells other terminals apart (which colour stack `nvt ssh` may use).
    public const string Term = "TERM";
    public const string Tmux = "TMUX";
    public const string KittyWindowId = "KITTY_WINDOW_ID";
    public const string XtermVersion = "XTERM_VERSION";

    // Where the other jumpers keep their data (`nvt import` without a PATH).
    public const string FasdData = "_FASD_DATA";
    public const string ZData = "_Z_DATA";
    public const string ZshZData = "ZSHZ_DATA";
    public const string ZLuaData = "_ZL_DATA";
    public const string ZoxideDataDir = "_ZO_DATA_DIR";
}
