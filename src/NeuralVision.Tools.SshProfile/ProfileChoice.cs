namespace NeuralVision.Tools.SshProfile;

/// <summary>A profile to switch to and why (for --dry-run and --verbose).</summary>
public sealed record ProfileChoice(string Name, string Reason);
