namespace NeuralVision.Tools.SshProfile.Profiles;

/// <summary>A profile and its colour scheme, ready to write: paths, contents, and what they were made from.</summary>
/// <param name="BaseProfile">The profile whose settings were copied (<see cref="KonsoleDirectories.BuiltInProfile"/> for none).</param>
/// <param name="BaseProfileFile">Its file; null for the built-in profile.</param>
/// <param name="BaseScheme">The scheme whose colours were copied.</param>
/// <param name="BaseSchemeFile">Its file; null when Breeze was used from nvt's copy.</param>
/// <param name="Foreground">The scheme's default foreground (for contrast checks).</param>
public sealed record ProfileDraft(
    string Name,
    string ProfilePath,
    string ProfileText,
    string SchemePath,
    string SchemeText,
    string BaseProfile,
    string? BaseProfileFile,
    string BaseScheme,
    string? BaseSchemeFile,
    Colour Foreground);
