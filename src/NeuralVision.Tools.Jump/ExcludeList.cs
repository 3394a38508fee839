using NeuralVision.Tools.Platform.Settings;

namespace NeuralVision.Tools.Jump;

/// <summary>The directories `add` never records.</summary>
public sealed class ExcludeList
{
    private readonly PathGlob[] globs;

    private ExcludeList(PathGlob[] globs)
    {
        this.globs = globs;
    }

    public static ExcludeList Empty { get; } = new([]);

    /// <summary>By default the home directory and the root are never recorded: every shell starts in one of them.</summary>
    public static ExcludeList Default(string home) => new([PathGlob.Literal(home), PathGlob.Literal("/")]);

    /// <summary>NVT_EXCLUDE_DIRS: its globs, or $HOME and / when it is unset.</summary>
    public static ExcludeList FromSettings(NvtSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.ExcludeDirs is not string value)
        {
            return Default(settings.Home);
        }

        try
        {
            return Parse(value);
        }
        catch (FormatException e)
        {
            throw new ConfigException($"{EnvVars.ExcludeDirs} has a bad glob: {e.Message}");
        }
    }

    /// <summary>A ':'-separated list of globs; empty items are ignored, so an empty value excludes nothing.</summary>
    public static ExcludeList Parse(string value) =>
        new(value.Split(':', StringSplitOptions.RemoveEmptyEntries).Select(pattern => new PathGlob(pattern)).ToArray());

    public IReadOnlyList<PathGlob> Globs => globs;

    public bool IsExcluded(string path)
    {
        foreach (var glob in globs)
        {
            if (glob.IsMatch(path))
            {
                return true;
            }
        }

        return false;
    }
}
