using NeuralVision.Tools.Platform.Settings;

namespace NeuralVision.Tools.SshProfile.Profiles;

/// <summary>
/// Where Konsole keeps its profiles and colour schemes, found as Konsole finds them: the user's
/// <c>$XDG_DATA_HOME/konsole</c> (written by nvt and by Konsole's dialogs) before each <c>$XDG_DATA_DIRS/konsole</c>
/// (the system's, e.g. Debian's Breeze.colorscheme), and konsolerc's default profile.
/// </summary>
public sealed class KonsoleDirectories
{
    /// <summary>The name Konsole gives the profile it has without any file (profile() answers it, the GUI shows it).</summary>
    public const string BuiltInProfile = "Built-in";

    /// <summary>The colour scheme of the built-in profile (Konsole 22.12).</summary>
    public const string DefaultScheme = "Breeze";

    private readonly NvtSettings settings;

    public KonsoleDirectories(NvtSettings settings)
    {
        this.settings = settings;
    }

    /// <summary>$XDG_DATA_HOME/konsole (~/.local/share/konsole): where nvt writes.</summary>
    public string UserDirectory => (settings.XdgDataHome ?? settings.Home + "/.local/share").TrimEnd('/') + "/konsole";

    /// <summary>Every directory Konsole reads, the user's first.</summary>
    public IEnumerable<string> Directories
    {
        get
        {
            yield return UserDirectory;
            foreach (string dir in settings.XdgDataDirs)
            {
                yield return dir.TrimEnd('/') + "/konsole";
            }
        }
    }

    public string ProfilePath(string name) => Path.Combine(UserDirectory, name + ".profile");

    public string SchemePath(string name) => Path.Combine(UserDirectory, name + ".colorscheme");

    /// <summary>
    /// The file of the profile Konsole calls <paramref name="name"/>: NAME.profile, else any .profile whose
    /// <c>[General] Name=</c> is the name (Konsole names a profile by that key), first directory first; null when none.
    /// </summary>
    public string? FindProfile(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (string dir in Directories)
        {
            string path = Path.Combine(dir, name + ".profile");
            if (File.Exists(path) && NameIn(path) is var named && (named is null || named == name))
            {
                return path;
            }
        }

        foreach (string dir in Directories)
        {
            foreach (string path in SafeList(dir, "*.profile"))
            {
                if (NameIn(path) == name)
                {
                    return path;
                }
            }
        }

        return null;
    }

    /// <summary>The scheme file NAME.colorscheme, first directory first; null when none.</summary>
    public string? FindScheme(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return FirstExisting(name + ".colorscheme");
    }

    /// <summary>konsolerc's <c>[Desktop Entry] DefaultProfile=</c> as a profile name (without ".profile"), or null.</summary>
    public string? DefaultProfileName()
    {
        string path = (settings.XdgConfigHome ?? settings.Home + "/.config").TrimEnd('/') + "/konsolerc";
        string? file = TryRead(path) is string text ? KonsoleIni.Parse(text).Get("Desktop Entry", "DefaultProfile") : null;
        if (string.IsNullOrEmpty(file))
        {
            return null;
        }

        // The entry is a file name; the profile's name is what that file says, or the file name without .profile.
        string? found = FirstExisting(file);
        return (found is null ? null : NameIn(found)) ?? Path.GetFileNameWithoutExtension(file);
    }

    /// <summary>The text of a file, or null when it cannot be read (missing, unreadable: Konsole would skip it too).</summary>
    public static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The first directory's <paramref name="file"/> that exists. (A loop: LINQ's lambdas would add static
    /// blocks to every nvt start.)</summary>
    private string? FirstExisting(string file)
    {
        foreach (string dir in Directories)
        {
            string path = Path.Combine(dir, file);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }

    private static string? NameIn(string path) => TryRead(path) is string text ? KonsoleIni.Parse(text).Get("General", "Name") : null;

    private static string[] SafeList(string dir, string pattern)
    {
        try
        {
            return Directory.Exists(dir) ? Directory.GetFiles(dir, pattern) : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
