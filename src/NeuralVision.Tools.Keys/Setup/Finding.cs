namespace NeuralVision.Tools.Keys.Setup;

/// <summary>A reason the server ignores the key, and the command that fixes it on the server (null when there is none to give).</summary>
public sealed record Finding(string Problem, string? Fix);
