namespace NeuralVision.Tools.IntegrationTests.Infrastructure;

/// <summary>What one nvt process did.</summary>
public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed);
