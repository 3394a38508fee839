using System.Globalization;
using NeuralVision.Tools.Jump;
using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools.Config;

/// <summary>
/// Every NVT_* variable, read and validated in one place. Values are read when asked for, so a bad NVT_MAXAGE does not
/// break commands that never use it.
/// </summary>
public sealed class NvtSettings
{
    public const string DatabaseFileName = "nvt.db";

    private readonly IEnvironment environment;

    public NvtSettings(IEnvironment environment)
    {
        this.environment = environment;
    }

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
            string? xdg = environment.GetVariable(EnvVars.XdgDataHome);
            if (!string.IsNullOrEmpty(xdg) && xdg.StartsWith('/'))
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
                return Frecency.DefaultMaxAge;
            }

            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double maxAge)
                || !double.IsFinite(maxAge) || maxAge < 1)
            {
                throw new ConfigException($"{EnvVars.MaxAge} must be a number of at least 1, got '{value}'");
            }

            return maxAge;
        }
    }

    /// <summary>NVT_EXCLUDE_DIRS: ':'-separated globs; when unset, $HOME and / are excluded.</summary>
    public ExcludeList ExcludeDirs
    {
        get
        {
            string? value = environment.GetVariable(EnvVars.ExcludeDirs);
            if (value is null)
            {
                return ExcludeList.Default(Home);
            }

            try
            {
                return ExcludeList.Parse(value);
            }
            catch (FormatException e)
            {
                throw new ConfigException($"{EnvVars.ExcludeDirs} has a bad glob: {e.Message}");
            }
        }
    }

    /// <summary>NVT_RESOLVE_SYMLINKS=1 stores paths with symbolic links resolved.</summary>
    public bool ResolveSymlinks => ReadFlag(EnvVars.ResolveSymlinks);

    /// <summary>NVT_DEBUG=1: stack traces, and reasons for what the silent `add` skipped. Never fails.</summary>
    /// <summary>NVT_IGNORE: commands whose arguments the --fasd hook never records (default "nvt ls echo cd").</summary>
    public IReadOnlyList<string> IgnoredCommands => Words(EnvVars.Ignore, "nvt ls echo cd");

    /// <summary>NVT_SHIFT: command prefixes the --fasd hook skips to reach the real command (default "sudo busybox").</summary>
    public IReadOnlyList<string> ShiftedCommands => Words(EnvVars.Shift, "sudo busybox");

    private string[] Words(string name, string fallback) =>
        (environment.GetVariable(name) ?? fallback).Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);

    public bool Debug
    {
        get
        {
            string? value = environment.GetVariable(EnvVars.Debug);
            return value is "1" or "true" or "yes";
        }
    }

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
