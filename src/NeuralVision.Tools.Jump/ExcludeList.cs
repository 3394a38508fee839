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
