namespace NeuralVision.Tools.Config;

/// <summary>Names of the environment variables nvt reads; each has one accessor in <see cref="NvtSettings"/>.</summary>
public static class EnvVars
{
    public const string DataDir = "NVT_DATA_DIR";
    public const string ExcludeDirs = "NVT_EXCLUDE_DIRS";
    public const string MaxAge = "NVT_MAXAGE";
    public const string ResolveSymlinks = "NVT_RESOLVE_SYMLINKS";
    public const string Debug = "NVT_DEBUG";
    public const string FzfOptions = "NVT_FZF_OPTS";
    public const string Ignore = "NVT_IGNORE";
    public const string Shift = "NVT_SHIFT";
    public const string Home = "HOME";
    public const string XdgDataHome = "XDG_DATA_HOME";
    public const string Config = "NVT_CONFIG";
    public const string XdgConfigHome = "XDG_CONFIG_HOME";
}
