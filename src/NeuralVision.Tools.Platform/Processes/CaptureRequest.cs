namespace NeuralVision.Tools.Platform.Processes;

/// <summary>A program to run with its standard output captured.</summary>
/// <param name="Timeout">How long to wait before killing it; null waits as long as it takes (fzf waits for a person).</param>
/// <param name="Input">Written to its stdin, which is then closed; null leaves stdin as nvt's own.</param>
/// <param name="CaptureErrors">Capture stderr too; false leaves it as nvt's own (fzf and askpass talk to the person there).</param>
/// <param name="Environment">Variables set for the child on top of nvt's environment.</param>
public sealed record CaptureRequest(
    string Program,
    IReadOnlyList<string> Arguments,
    TimeSpan? Timeout = null,
    string? Input = null,
    bool CaptureErrors = true,
    IReadOnlyDictionary<string, string>? Environment = null);
