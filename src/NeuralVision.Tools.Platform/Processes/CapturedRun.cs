namespace NeuralVision.Tools.Platform.Processes;

/// <summary>What a captured run printed, and its exit status; <see cref="Errors"/> is empty when stderr was not captured.</summary>
public sealed record CapturedRun(int ExitCode, string Output, string Errors);
