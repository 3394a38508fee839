namespace NeuralVision.Tools.SshProfile.Commands;

/// <summary>`nvt profiles create`'s arguments as typed, before they are checked.</summary>
public sealed record CreateOptions(
    string Name,
    string? Background = null,
    string? Image = null,
    string? Fill = null,
    string? ImageOpacity = null,
    string? From = null,
    string? Host = null,
    bool Force = false);
