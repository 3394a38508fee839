namespace NeuralVision.Tools.Jump.Pickers;

/// <summary>The outcome of letting the user choose among paths.</summary>
public sealed record PickResult(string? Choice, int ExitCode);
