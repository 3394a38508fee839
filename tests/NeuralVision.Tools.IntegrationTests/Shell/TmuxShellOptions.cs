namespace NeuralVision.Tools.IntegrationTests.Shell;

/// <summary>How to start a <see cref="TmuxShell"/>.</summary>
public sealed record TmuxShellOptions
{
    /// <summary>What follows `nvt init SHELL` in the rc file, e.g. "--hook prompt".</summary>
    public string InitOptions { get; init; } = "";

    /// <summary>Lines of the shell's own syntax that the rc file runs before the init line.</summary>
    public string RcPrelude { get; init; } = "";

    /// <summary>PATH holds every tool of /usr/bin except fzf, so `zi` falls back to the numbered picker.</summary>
    public bool WithoutFzf { get; init; }

    /// <summary>fish only: start it with --private.</summary>
    public bool FishPrivate { get; init; }

    /// <summary>Extra variables for the shell's (otherwise empty) environment.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
