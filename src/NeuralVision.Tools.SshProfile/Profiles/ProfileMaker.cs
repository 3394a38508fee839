using System.Globalization;
using System.Text;
using NeuralVision.Tools.Platform;
using NeuralVision.Tools.Platform.Files;

namespace NeuralVision.Tools.SshProfile.Profiles;

/// <summary>
/// Makes NAME.profile and NAME.colorscheme as Konsole 22.12 writes them (notes/issue15-konsole.md §6): the base
/// profile's groups and keys with its Name and ColorScheme replaced, and the base scheme's colours with the
/// background (and wallpaper) replaced. Every colour lives in the scheme, because a running Konsole re-reads a scheme
/// it is not showing but never a profile it has loaded: so a later --force that changes colours is seen at the next
/// switch, without restarting Konsole.
/// </summary>
public static class ProfileMaker
{
    /// <summary>Konsole writes its own profile and scheme files with mode 0600.</summary>
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static ProfileDraft Draft(ProfileRequest request, ProfileBase @base, KonsoleDirectories directories)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(@base);
        ArgumentNullException.ThrowIfNull(directories);
        var profile = KonsoleIni.Parse(@base.Profile.ToString());
        profile.Set("General", "Name", request.Name);
        // Konsole 22.12 writes FALLBACK/ for profiles made from scratch; a base with a parent of its own keeps it.
        profile.SetDefault("General", "Parent", "FALLBACK/");
        profile.Set("Appearance", "ColorScheme", request.Name);

        var scheme = KonsoleIni.Parse(@base.Scheme.ToString());
        if (request.Background is Colour background)
        {
            scheme.Set("Background", "Color", background.ToKonsole());
        }

        scheme.Set("General", "Description", request.Name);
        // A base's wallpaper would cover the new background colour: the new scheme has the requested one or none.
        scheme.Set("General", "Wallpaper", request.Wallpaper ?? "");
        if (request.Wallpaper is not null)
        {
            scheme.Set("General", "FillStyle", request.FillStyle);
            scheme.Set("General", "WallpaperOpacity", request.WallpaperOpacity.ToString("0.##", CultureInfo.InvariantCulture));
        }

        // The keys Konsole's scheme editor writes for every scheme, with its defaults.
        scheme.SetDefault("General", "Anchor", "0.5,0.5");
        scheme.SetDefault("General", "Blur", "false");
        scheme.SetDefault("General", "ColorRandomization", "false");
        scheme.SetDefault("General", "FillStyle", "Tile");
        scheme.SetDefault("General", "Opacity", "1");
        scheme.SetDefault("General", "WallpaperFlipType", "NoFlip");
        scheme.SetDefault("General", "WallpaperOpacity", "1");

        return new ProfileDraft(
            request.Name,
            directories.ProfilePath(request.Name),
            profile.ToString(),
            directories.SchemePath(request.Name),
            scheme.ToString(),
            @base.Name,
            @base.File,
            @base.SchemeName,
            @base.SchemeFile,
            @base.Foreground);
    }

    /// <summary>Throws (exit 1) when one of the draft's files exists already.</summary>
    public static void RefuseExisting(ProfileDraft draft)
    {
        if (ExistingFile(draft) is string existing)
        {
            throw new NvtException($"{existing} exists already (--force replaces it)", ExitCodes.ProfileExists);
        }
    }

    /// <summary>Removes the draft's two files (after a later step failed); what cannot be removed stays.</summary>
    public static void Delete(ProfileDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        foreach (string path in new[] { draft.ProfilePath, draft.SchemePath })
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The error that made nvt undo the write is the one to report.
            }
        }
    }

    /// <summary>The first of the draft's files that exists already, or null.</summary>
    public static string? ExistingFile(ProfileDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return File.Exists(draft.ProfilePath) ? draft.ProfilePath : File.Exists(draft.SchemePath) ? draft.SchemePath : null;
    }

    /// <summary>
    /// Writes the scheme, then the profile (a profile whose scheme is missing shows white), each atomically. Refuses
    /// (exit 1) to replace either file unless <paramref name="force"/>.
    /// </summary>
    public static void Write(ProfileDraft draft, bool force)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!force)
        {
            RefuseExisting(draft);
        }

        string path = draft.SchemePath;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            AtomicFile.WriteAllBytes(path, FileMode, Encoding.UTF8.GetBytes(draft.SchemeText));
            path = draft.ProfilePath;
            AtomicFile.WriteAllBytes(path, FileMode, Encoding.UTF8.GetBytes(draft.ProfileText));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NvtException($"cannot write {path}: {e.Message}");
        }
    }
}
