using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools.SshProfile.Profiles;

/// <summary>The profile a new one is made from, and its colour scheme, as read from Konsole's files.</summary>
/// <param name="File">The profile's file; null for the built-in profile, which has none.</param>
/// <param name="SchemeFile">The scheme's file; null when nvt's copy of Breeze stands in.</param>
public sealed record ProfileBase(string Name, string? File, KonsoleIni Profile, string SchemeName, string? SchemeFile, KonsoleIni Scheme)
{
    /// <summary>Konsole's own default foreground (Breeze's) for a scheme that names none.</summary>
    private static Colour BreezeForeground => new(252, 252, 252);

    /// <summary>The scheme's default text colour.</summary>
    public Colour Foreground => Colour.TryParseKonsole(Scheme.Get("Foreground", "Color")) ?? BreezeForeground;

    /// <summary>
    /// Reads profile <paramref name="name"/> (by its name, as Konsole lists it) and its scheme. The built-in profile
    /// has no file: its settings are Konsole's defaults and its scheme is Breeze.
    /// </summary>
    /// <exception cref="NvtException">No profile file has that name.</exception>
    public static ProfileBase Load(string name, KonsoleDirectories directories)
    {
        ArgumentNullException.ThrowIfNull(directories);
        KonsoleIni profile;
        string? file = null;
        if (name == KonsoleDirectories.BuiltInProfile)
        {
            profile = new KonsoleIni();
        }
        else
        {
            file = directories.FindProfile(name)
                ?? throw new NvtException($"there is no Konsole profile named '{name}' (no {name}.profile, and no .profile with Name={name}, in {string.Join(", ", directories.Directories)})");
            profile = KonsoleIni.Parse(KonsoleDirectories.TryRead(file)
                ?? throw new NvtException($"cannot read the Konsole profile {file}"));
        }

        string schemeName = profile.Get("Appearance", "ColorScheme") is { Length: > 0 } configured ? configured : KonsoleDirectories.DefaultScheme;
        string? schemeFile = directories.FindScheme(schemeName);
        if (schemeFile is null)
        {
            // Konsole itself shows a profile whose scheme file is gone in plain white; a new scheme starts from Breeze,
            // the built-in profile's, instead (from nvt's copy when no Breeze.colorscheme is installed either).
            schemeName = KonsoleDirectories.DefaultScheme;
            schemeFile = directories.FindScheme(schemeName);
        }

        string? schemeText = schemeFile is null ? null : KonsoleDirectories.TryRead(schemeFile);
        if (schemeText is null)
        {
            schemeFile = null;
            schemeText = BreezeScheme.Text;
        }

        return new ProfileBase(name, file, profile, schemeName, schemeFile, KonsoleIni.Parse(schemeText));
    }
}
