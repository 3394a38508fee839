using NeuralVision.Tools.SshProfile.Profiles;

namespace NeuralVision.Tools.SshProfile;

/// <summary>A background colour for the host, and why (for --dry-run and --verbose).</summary>
/// <param name="Auto">How auto_background chose it; null for a colour from [ssh.backgrounds].</param>
public sealed record BackgroundChoice(Colour Colour, string Reason, AutoColour? Auto);
