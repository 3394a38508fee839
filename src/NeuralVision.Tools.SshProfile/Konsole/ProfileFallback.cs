namespace NeuralVision.Tools.SshProfile.Konsole;

/// <summary>A profile that setProfile cannot switch to, and what can be shown instead.</summary>
/// <param name="Escape">
/// The sequence that shows its colours anyway (OSC 50 of its scheme, OSC 11 of its background); null when there is
/// none, because the profile has no file at all.
/// </param>
/// <param name="Problem">Why it cannot be switched to; null when there is simply no such profile.</param>
public sealed record ProfileFallback(string? Escape, string? Problem);
