namespace NeuralVision.Tools.SshProfile.Config;

/// <summary>What <see cref="HostMappingEditor.Prepare"/> found.</summary>
/// <param name="NewText">The file's new text; null when it maps the pattern to the profile already.</param>
/// <param name="Replaced">The profile the pattern mapped to before (a --force change), or null.</param>
public sealed record HostMappingEdit(string Path, string? NewText, string? Replaced);
