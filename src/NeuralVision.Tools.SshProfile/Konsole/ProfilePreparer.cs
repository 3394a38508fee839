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

    /// <summary>
    /// Null when <paramref name="name"/> can be switched to with setProfile; otherwise what can be done instead. A
    /// <paramref name="background"/> means the profile is nvt's generated one for that colour.
    /// </summary>
    public async Task<ProfileFallback?> PrepareAsync(IKonsoleTab tab, string name, string? file, Colour? background, string basedOn)
    {
        ArgumentNullException.ThrowIfNull(tab);
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
                    return new ProfileFallback(TerminalColours.SetBackground(colour, ColourUndo.None), $"cannot make the profile {name}: {e.Message}");
                }
            }
        }

        if (file is null)
        {
            return new ProfileFallback(null, null);
        }

        string? problem = await KonsoleProfileLoader.LoadAsync(tab, name, file, runtimeDirectory, workingDirectory).ConfigureAwait(false);
        if (problem is null)
        {
            return null;
        }

        string? scheme = KonsoleDirectories.TryRead(file) is string text ? KonsoleIni.Parse(text).Get("Appearance", "ColorScheme") : null;
        string? escape = background is Colour shown ? TerminalColours.SetBackground(shown, ColourUndo.None)
            : !string.IsNullOrEmpty(scheme) && directories.FindScheme(scheme) is not null ? TerminalColours.ShowScheme(scheme)
            : null;
        return new ProfileFallback(escape, problem);
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
