namespace NeuralVision.Tools.SshProfile.Profiles;

/// <summary>What `nvt profiles create` (or `nvt ssh`'s generated background) asks for.</summary>
/// <param name="Name">The new profile's name, already checked (<see cref="ProfileName"/>).</param>
/// <param name="Background">The scheme's background colour; null keeps the base scheme's.</param>
/// <param name="Wallpaper">An absolute path to a checked image (<see cref="WallpaperImage"/>); null for none.</param>
/// <param name="FillStyle">Konsole's FillStyle for the wallpaper: Tile, Stretch, Crop or Adapt.</param>
/// <param name="WallpaperOpacity">0 to 1: how much of the image covers the background colour.</param>
/// <param name="Force">Replace existing files.</param>
public sealed record ProfileRequest(
    string Name,
    Colour? Background,
    string? Wallpaper = null,
    string FillStyle = ProfileRequest.DefaultFillStyle,
    double WallpaperOpacity = 1,
    bool Force = false)
{
    /// <summary>The whole terminal covered, the image's proportions kept (the excess cut off).</summary>
    public const string DefaultFillStyle = "Crop";

    /// <summary>Konsole 22.12's FillStyle values, as its scheme editor writes them.</summary>
    public static IReadOnlyList<string> FillStyles => ["Tile", "Stretch", "Crop", "Adapt"];
}
