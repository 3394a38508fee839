using NeuralVision.Tools.Platform;
using NeuralVision.Tools.SshProfile.Profiles;
using NeuralVision.Tools.SshProfile.Restore;

namespace NeuralVision.Tools.SshProfile.Konsole;

/// <summary>
/// Gets the profile `nvt ssh` switches to ready in the tab's Konsole: makes the generated background profile when its
/// files do not exist yet, and loads a profile file Konsole has not read (written after it started, or by another
/// Konsole process). When loading fails (a Konsole without KDBusService's CommandLine) the profile's colours can still
/// be shown with an escape sequence, which setProfile(previous) undoes afterwards.
/// </summary>
public sealed class ProfilePreparer
{
    private readonly KonsoleDirectories directories;
    private readonly string? runtimeDirectory;
    private readonly string workingDirectory;

    public ProfilePreparer(KonsoleDirectories directories, string? runtimeDirectory, string workingDirectory)
    {
        this.directories = directories;
        this.runtimeDirectory = runtimeDirectory;
        this.workingDirectory = workingDirectory;
    }

    /// <summary>Why the last <see cref="PrepareAsync"/> could not make the profile ready; null when nothing went wrong.</summary>
    public string? Problem { get; private set; }

    /// <summary>
    /// Null when <paramref name="name"/> can be switched to with setProfile; otherwise the escape sequence that shows
    /// its colours anyway (OSC 50 of its scheme, OSC 11 of its background), or "" when there is none (the profile has
    /// no file at all); <see cref="Problem"/> says why. A <paramref name="background"/> means the profile is nvt's
    /// generated one for that colour. (A string, not a record: every Task of a new type costs each nvt start.)
    /// </summary>
    public async Task<string?> PrepareAsync(IKonsoleTab tab, string name, string? file, Colour? background, string basedOn)
    {
        ArgumentNullException.ThrowIfNull(tab);
        Problem = null;
        try
        {
            if (await KonsoleProfileLoader.IsLoadedAsync(tab, name).ConfigureAwait(false))
            {
                return null;
            }
        }
        catch (KonsoleException)
        {
            // No profileList() (no window path, an odd Konsole): setProfile and profile() afterwards will tell.
            return null;
        }

        if (background is Colour colour)
        {
            file = directories.FindProfile(name);
            if (file is null)
            {
                try
                {
                    file = Generate(name, colour, basedOn);
                }
                catch (NvtException e)
                {
                    Problem = $"cannot make the profile {name}: {e.Message}";
                    return TerminalColours.SetBackground(colour, ColourUndo.None);
                }
            }
        }

        if (file is null)
        {
            return "";
        }

        Problem = await KonsoleProfileLoader.LoadAsync(tab, name, file, runtimeDirectory, workingDirectory).ConfigureAwait(false);
        if (Problem is null)
        {
            return null;
        }

        string? scheme = KonsoleDirectories.TryRead(file) is string text ? KonsoleIni.Parse(text).Get("Appearance", "ColorScheme") : null;
        return background is Colour shown ? TerminalColours.SetBackground(shown, ColourUndo.None)
            : !string.IsNullOrEmpty(scheme) && directories.FindScheme(scheme) is not null ? TerminalColours.ShowScheme(scheme)
            : "";
    }

    /// <summary>
    /// NAME.profile and NAME.colorscheme for a background colour, made from the tab's profile, so the font and
    /// everything else stay as they are. Returns the profile's file.
    /// </summary>
    private string Generate(string name, Colour background, string basedOn)
    {
        ProfileBase @base;
        try
        {
            @base = ProfileBase.Load(basedOn, directories);
        }
        catch (NvtException)
        {
            // The tab's profile has no file nvt can find (removed since Konsole started): Konsole's defaults, then.
            @base = ProfileBase.Load(KonsoleDirectories.BuiltInProfile, directories);
        }

        var draft = ProfileMaker.Draft(new ProfileRequest(name, background), @base, directories);
        ProfileMaker.Write(draft, force: true);
        return draft.ProfilePath;
    }
}
