namespace NeuralVision.Tools.Interactive;

/// <summary>The outcome of letting the user choose among paths.</summary>
public sealed record PickResult(string? Choice, int ExitCode);

/// <summary>Lets the user choose one of the candidates (best first) on the terminal.</summary>
public interface IPicker
{
    PickResult Pick(IReadOnlyList<string> candidates);
}
