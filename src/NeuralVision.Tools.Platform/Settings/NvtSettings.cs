using System.Globalization;
using NeuralVision.Tools.Platform.Files;

namespace NeuralVision.Tools.Platform.Settings;

/// <summary>
/// Every environment variable nvt reads, read and validated here and nowhere else. Values are read when asked for,
/// so a bad NVT_MAXAGE does not break commands that never use it. Errors name the variable and the value.
/// </summary>
public sealed class NvtSettings
{
    public const string DatabaseFileName = "nvt.db";

    /// <summary>NVT_MAXAGE when unset (zoxide's _ZO_MAXAGE default).</summary>
    public const double DefaultMaxAge = 10_000;

    /// <summary>The search path when PATH is unset.</summary>
    public const string DefaultSearchPath = "/usr/local/bin:/usr/bin:/bin";

    private readonly IEnvironment environment;

    public NvtSettings(IEnvironment environment)
    {
        this.environment = environment;
    }

    /// <summary>HOME, which must be an absolute path; normalised (no trailing '/', no '.' or '..').</summary>
    public string Home
    {
        get
        {
            string? home = environment.GetVariable(EnvVars.Home);
            if (string.IsNullOrEmpty(home) || !home.StartsWith('/'))
            {
                throw new ConfigException($"{EnvVars.Home} must be set to an absolute path, got '{home}'");
            }

            return PathNormalizer.Normalize(home, "/");
        }
    }

    /// <summary>NVT_DATA_DIR, else $XDG_DATA_HOME/nvt, else ~/.local/share/nvt.</summary>
    public string DataDirectory
    {
        get
        {
            string? dataDir = environment.GetVariable(EnvVars.DataDir);
            if (!string.IsNullOrEmpty(dataDir))
            {
                if (!dataDir.StartsWith('/'))
                {
                    throw new ConfigException($"{EnvVars.DataDir} must be an absolute path, got '{dataDir}'");
                }

                return PathNormalizer.Normalize(dataDir, "/");
            }

            // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
            if (XdgDataHome is string xdg)
            {
                return PathNormalizer.Normalize(xdg + "/nvt", "/");
            }

            return Home + "/.local/share/nvt";
        }
    }

    public string DatabasePath => DataDirectory + "/" + DatabaseFileName;

    /// <summary>NVT_MAXAGE: the total rank above which old entries are aged (default 10000).</summary>
    public double MaxAge
    {
        get
        {
            string? value = environment.GetVariable(EnvVars.MaxAge);
            if (string.IsNullOrEmpty(value))
            {
                return DefaultMaxAge;
            }

            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double maxAge)
                || !double.IsFinite(maxAge) || maxAge < 1)
            {
                throw new ConfigException($"{EnvVars.MaxAge} must be a number of at least 1, got '{value}'");
            }

            return maxAge;
        }
    }

    /// <summary>
    /// NVT_EXCLUDE_DIRS as set (':'-separated globs), or null when unset: then $HOME and / are excluded. The jump
    /// engine parses the globs (its ExcludeList names this variable in its errors).
    /// </summary>
    public string? ExcludeDirs => environment.GetVariable(EnvVars.ExcludeDirs);

    /// <summary>NVT_RESOLVE_SYMLINKS=1 stores paths with symbolic links resolved.</summary>
    public bool ResolveSymlinks => ReadFlag(EnvVars.ResolveSymlinks);

    /// <summary>NVT_IGNORE: commands whose arguments the --fasd hook never records (default "nvt ls echo cd").</summary>
    public IReadOnlyList<string> IgnoredCommands => Words(EnvVars.Ignore, "nvt ls echo cd");

    /// <summary>NVT_SHIFT: command prefixes the --fasd hook skips to reach the real command (default "sudo busybox").</summary>
    public IReadOnlyList<string> ShiftedCommands => Words(EnvVars.Shift, "sudo busybox");

    /// <summary>NVT_DEBUG=1: stack traces, and reasons for what the silent `add` skipped. Never fails.</summary>
    public bool Debug => environment.GetVariable(EnvVars.Debug) is "1" or "true" or "yes";

    /// <summary>PATH, or <see cref="DefaultSearchPath"/> when it is unset.</summary>
    public string SearchPath => environment.GetVariable(EnvVars.Path) ?? DefaultSearchPath;

    /// <summary>NVT_FZF_OPTS: fzf's options for `zi` and `query -i`; null (or blank) for nvt's defaults.</summary>
    public string? FzfOptions => environment.GetVariable(EnvVars.FzfOptions);

    /// <summary>FZF_DEFAULT_OPTS, which nvt extends with its fzf options when it starts fzf.</summary>
    public string? FzfDefaultOptions => environment.GetVariable(EnvVars.FzfDefaultOptions);

    /// <summary>
    /// The configuration file (NVT_CONFIG): that file when set (it must be absolute), else
    /// $XDG_CONFIG_HOME/nvt/config.toml (an absolute XDG_CONFIG_HOME only, as the XDG spec says), else
    /// ~/.config/nvt/config.toml.
    /// </summary>
    public string ConfigFile
    {
        get
        {
            string? configured = environment.GetVariable(EnvVars.Config);
            if (!string.IsNullOrEmpty(configured))
            {
                if (!configured.StartsWith('/'))
                {
                    throw new ConfigException($"{EnvVars.Config} must be an absolute path, got '{configured}'");
                }

                return configured;
            }

            string? xdg = environment.GetVariable(EnvVars.XdgConfigHome);
            if (!string.IsNullOrEmpty(xdg) && xdg.StartsWith('/'))
            {
                return xdg.TrimEnd('/') + "/nvt/config.toml";
            }

            return Home.TrimEnd('/') + "/.config/nvt/config.toml";
        }
    }

    /// <summary>XDG_DATA_HOME when it is an absolute path (the XDG spec says to ignore a relative one), else null.</summary>
    public string? XdgDataHome => Absolute(EnvVars.XdgDataHome);

    /// <summary>XDG_CONFIG_HOME when it is an absolute path, else null (konsolerc lives there).</summary>
    public string? XdgConfigHome => Absolute(EnvVars.XdgConfigHome);

    /// <summary>XDG_DATA_DIRS' absolute entries, or the spec's default /usr/local/share:/usr/share when none.</summary>
    public IReadOnlyList<string> XdgDataDirs
    {
        get
        {
            // A loop, not LINQ: a lambda here would add a static block to every start (ARCHITECTURE.md, start-up).
            var dirs = new List<string>();
            foreach (string dir in (environment.GetVariable(EnvVars.XdgDataDirs) ?? "").Split(':'))
            {
                if (dir.StartsWith('/'))
                {
                    dirs.Add(dir);
                }
            }

            return dirs.Count > 0 ? dirs : ["/usr/local/share", "/usr/share"];
        }
    }

    /// <summary>XDG_RUNTIME_DIR when it is an absolute path, else null.</summary>
    public string? XdgRuntimeDir => Absolute(EnvVars.XdgRuntimeDir);

    /// <summary>
    /// NVT_RESTORE_MARKER (set by the shell integration, one file per interactive shell): where `nvt ssh` notes what
    /// to restore, for the prompt hook to find if nvt is killed. Null when unset or not absolute: no marker.
    /// </summary>
    public string? RestoreMarker => Absolute(EnvVars.RestoreMarker);

    /// <summary>KONSOLE_VERSION (22.12.3 is 221203): set in Konsole tabs, also when D-Bus cannot be reached.</summary>
    public string? KonsoleVersion => NonEmpty(EnvVars.KonsoleVersion);

    /// <summary>TERM.</summary>
    public string? Term => NonEmpty(EnvVars.Term);

    /// <summary>True inside tmux (TMUX is set), whatever terminal tmux itself runs in.</summary>
    public bool InTmux => NonEmpty(EnvVars.Tmux) is not null;

    /// <summary>KITTY_WINDOW_ID: set by kitty in its windows.</summary>
    public string? KittyWindowId => NonEmpty(EnvVars.KittyWindowId);

    /// <summary>XTERM_VERSION: set by xterm, e.g. "XTerm(379)".</summary>
    public string? XtermVersion => NonEmpty(EnvVars.XtermVersion);

    /// <summary>SSH_ASKPASS: the askpass program; null when unset or empty.</summary>
    public string? AskpassProgram => NonEmpty(EnvVars.Askpass);

    /// <summary>SSH_ASKPASS_REQUIRE in lower case (force, prefer, never), or null.</summary>
    public string? AskpassRequire => environment.GetVariable(EnvVars.AskpassRequire)?.ToLowerInvariant();

    /// <summary>True when DISPLAY or WAYLAND_DISPLAY is set (a graphical askpass can show).</summary>
    public bool HasDisplay => NonEmpty(EnvVars.Display) is not null || NonEmpty(EnvVars.WaylandDisplay) is not null;

    /// <summary>SSH_AUTH_SOCK: the ssh-agent's socket; null when unset or empty (no agent, which is not an error).</summary>
    public string? AgentSocket => NonEmpty(EnvVars.AuthSocket);

    /// <summary>
    /// True when the locale's character set is UTF-8: the first of LC_ALL, LC_CTYPE and LANG that is set and not
    /// empty names a UTF-8 locale (C.UTF-8, en_US.utf8...). Unset, C or POSIX is ASCII, as the C library sees it, so
    /// text printed from files escapes every non-ASCII byte there, as OpenSSH's tools do.
    /// </summary>
    public bool TextIsUtf8
    {
        get
        {
            string? locale = NonEmpty(EnvVars.LcAll) ?? NonEmpty(EnvVars.LcCtype) ?? NonEmpty(EnvVars.Lang);
            return locale is not null
                && (locale.Contains("UTF-8", StringComparison.OrdinalIgnoreCase) || locale.Contains("utf8", StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>KONSOLE_DBUS_SERVICE: Konsole's unique bus name (<c>:1.42</c>), set in every Konsole tab.</summary>
    public string? KonsoleService => NonEmpty(EnvVars.KonsoleService);

    /// <summary>KONSOLE_DBUS_SESSION: the tab's object (<c>/Sessions/1</c>).</summary>
    public string? KonsoleSession => NonEmpty(EnvVars.KonsoleSession);

    /// <summary>KONSOLE_DBUS_WINDOW: the window's object (<c>/Windows/1</c>).</summary>
    public string? KonsoleWindow => NonEmpty(EnvVars.KonsoleWindow);

    /// <summary>DBUS_SESSION_BUS_ADDRESS.</summary>
    public string? SessionBusAddress => NonEmpty(EnvVars.SessionBusAddress);

    /// <summary>
    /// A variable of another jumper that names its data (<see cref="EnvVars.FasdData"/>, <see cref="EnvVars.ZData"/>,
    /// ...), read as the jumpers read them: unset or empty means their default; a relative value would be taken from a
    /// working directory nvt cannot know, so it is ignored too. Null in all those cases.
    /// </summary>
    public string? ForeignDataLocation(string name) => name switch
    {
        EnvVars.FasdData or EnvVars.ZData or EnvVars.ZshZData or EnvVars.ZLuaData or EnvVars.ZoxideDataDir => Absolute(name),
        _ => throw new ArgumentException($"{name} is not a jumper's data variable", nameof(name)),
    };

    private string? NonEmpty(string name) => environment.GetVariable(name) is { Length: > 0 } value ? value : null;

    private string? Absolute(string name) => NonEmpty(name) is string value && value.StartsWith('/') ? value : null;

    private string[] Words(string name, string fallback) =>
        (environment.GetVariable(name) ?? fallback).Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);

    private bool ReadFlag(string name)
    {
        string? value = environment.GetVariable(name);
        return value switch
        {
            null or "" or "0" or "false" or "no" => false,
            "1" or "true" or "yes" => true,
            _ => throw new ConfigException($"{name} must be 1 or 0, got '{value}'"),
        };
    }
}
