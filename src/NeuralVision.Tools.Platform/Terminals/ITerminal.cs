namespace NeuralVision.Tools.Interactive;

/// <summary>The questions `nvt keys gen` may ask; tests replace the terminal with scripted answers.</summary>
public interface IKeyPrompter
{
    /// <summary>True when stdin is a terminal, so nvt may ask; otherwise every answer must come from options.</summary>
    bool IsInteractive { get; }

    /// <summary>True when stderr is a terminal, so a progress spinner can be drawn there.</summary>
    bool ShowsProgress { get; }

    /// <summary>Asks without echo; null at end of input.</summary>
    string? ReadSecret(string prompt);

    /// <summary>Asks with echo; null at end of input.</summary>
    string? ReadLine(string prompt);

    /// <summary>A line for the person at the terminal (not for stdout, which may be piped).</summary>
    void Tell(string line);
}
