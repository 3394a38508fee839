namespace NeuralVision.Tools.SshProfile.Profiles;

/// <summary>A colour <see cref="AutoBackground"/> chose, and why it is readable (for --dry-run).</summary>
public sealed record AutoColour(Colour Background, int Hue, Colour Foreground, double Contrast);
