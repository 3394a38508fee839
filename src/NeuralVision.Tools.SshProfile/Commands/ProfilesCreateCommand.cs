using System.CommandLine;
using System.Globalization;
using NeuralVision.Tools.Platform;
using NeuralVision.Tools.Platform.Settings;
using NeuralVision.Tools.SshProfile.Config;
using NeuralVision.Tools.SshProfile.Konsole;
using NeuralVision.Tools.SshProfile.Profiles;

namespace NeuralVision.Tools.SshProfile.Commands;

/// <summary>
/// `nvt profiles create NAME`: a Konsole profile and colour scheme in one command, instead of Konsole's dialogs. Every
/// input is checked before anything is written; then the scheme, the profile and (with --host) the configuration are
/// written, and the tab's running Konsole is made to load the profile.
/// </summary>
public static class ProfilesCreateCommand
{
    /// <summary>What `--help` and the manual page say after the options.</summary>
    public const string HelpNotes =
        "Without --from the new profile copies the tab's profile (else konsolerc's default profile, else Konsole's\n"
        + "built-in one) and its colour scheme; only the background changes. Files: $XDG_DATA_HOME/konsole/NAME.profile\n"
        + "and NAME.colorscheme (~/.local/share/konsole), mode 0600, as Konsole writes them.\n\n"
        + "In a running Konsole the profile is loaded at once (org.kde.KDBusService.CommandLine), so `nvt ssh` and\n"
        + "Settings > Switch Profile can use it without a restart. Konsole keeps a loaded profile as it first read it, but\n"
        + "re-reads a colour scheme it is not showing: a --force that changes the colours shows from the next switch to\n"
        + "the profile; other changed settings after Konsole restarts.\n\n"
        + "Exit status: 0 written; 1 NAME.profile or NAME.colorscheme exists (--force replaces them); 2 a bad name, colour,\n"
        + "image, --fill or --image-opacity, a --from profile that does not exist, or a configuration file that does not\n"
        + "parse (--host never rewrites one). Nothing is written when the status is not 0.\n";

    /// <summary>Below this contrast (WCAG "AA") text on the new background is hard to read: the command says so.</summary>
    private const double ReadableContrast = 4.5;

    public static Command Create(INvtContext context, IKonsoleConnector konsole)
    {
        var name = new Argument<string>("NAME") { Description = "The profile's name (also its file names: NAME.profile, NAME.colorscheme)" };
        var background = new Option<string?>("--background") { Description = "Background colour, #rrggbb or #rgb", HelpName = "COLOUR" };
        var image = new Option<string?>("--image") { Description = "Wallpaper image (PNG, JPEG, GIF or BMP) shown over the background", HelpName = "FILE" };
        var fill = new Option<string?>("--fill") { Description = "How the image fills the terminal: tile, stretch, crop (default) or adapt", HelpName = "STYLE" };
        var opacity = new Option<string?>("--image-opacity") { Description = "How much the image covers the background colour, 0 to 1 (default 1)", HelpName = "N" };
        var from = new Option<string?>("--from") { Description = "Copy this profile's settings and colours (default: the tab's profile)", HelpName = "PROFILE" };
        var host = new Option<string?>("--host") { Description = "Also map this host pattern to the profile in [ssh.profiles] of the configuration file", HelpName = "PATTERN" };
        var force = new Option<bool>("--force") { Description = "Replace an existing profile and scheme of that name (and a --host mapping to another profile)" };
        var command = new Command("create", "Write a Konsole profile and colour scheme with another background, and load it into the running Konsole")
        {
            name, background, image, fill, opacity, from, host, force,
        };
        command.SetAction(result => Run(context, konsole, new CreateOptions(
            result.GetValue(name) ?? "",
            result.GetValue(background),
            result.GetValue(image),
            result.GetValue(fill),
            result.GetValue(opacity),
            result.GetValue(from),
            result.GetValue(host),
            result.GetValue(force))));
        return command;
    }

    public static int Run(INvtContext context, IKonsoleConnector konsole, CreateOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var request = Check(context, options);
        var directories = new KonsoleDirectories(context.Settings);
        using var tab = KonsoleTab.TryConnect(context.Settings, konsole, out string? whyNoTab);
        var @base = LoadBase(context, directories, tab, options.From);
        var draft = ProfileMaker.Draft(request, @base, directories);
        bool existed = ProfileMaker.ExistingFile(draft) is not null;
        if (!options.Force)
        {
            ProfileMaker.RefuseExisting(draft);
        }

        // Everything that can refuse does so before the first file is written.
        var edit = options.Host is null ? null : HostMappingEditor.Prepare(context.Settings.ConfigFile, options.Host, request.Name, options.Force);
        ProfileMaker.Write(draft, options.Force);
        if (edit is not null)
        {
            try
            {
                HostMappingEditor.Apply(edit);
            }
            catch (ConfigException)
            {
                // The configuration could not be written (a full disk, a read-only file): nothing is left half done.
                if (!existed)
                {
                    ProfileMaker.Delete(draft);
                }

                throw;
            }
        }

        var output = context.Output;
        output.WriteLine($"{(existed ? "replaced" : "created")} profile {draft.Name}: {draft.ProfilePath}");
        string shows = (request.Background is Colour colour ? "background " + colour : "the base's background")
            + (request.Wallpaper is null ? "" : $", image {request.Wallpaper} ({request.FillStyle}, opacity {request.WallpaperOpacity.ToString("0.##", CultureInfo.InvariantCulture)})");
        output.WriteLine($"  colour scheme {draft.SchemePath}: {shows}");
        output.WriteLine($"  based on profile {draft.BaseProfile}{Where(draft.BaseProfileFile)} and scheme {draft.BaseScheme}{Where(draft.BaseSchemeFile)}");
        if (edit is not null)
        {
            output.WriteLine(edit.NewText is null
                ? $"  {edit.Path} maps \"{options.Host}\" to {draft.Name} already"
                : $"  {edit.Path}: \"{options.Host}\" = \"{draft.Name}\"" + (edit.Replaced is null ? " added" : $" (was {edit.Replaced})"));
        }

        if (request.Background is Colour chosen && chosen.ContrastWith(draft.Foreground) < ReadableContrast)
        {
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"nvt: {chosen} has a contrast of only {chosen.ContrastWith(draft.Foreground):0.0}:1 with the scheme's text colour {draft.Foreground}: text on it may be hard to read"));
        }

        output.WriteLine("  " + Load(context, tab, whyNoTab, draft, existed));
        return ExitCodes.Ok;
    }

    /// <summary>Makes the running Konsole read the new profile; says what happened (and what Konsole does not re-read).</summary>
    private static string Load(INvtContext context, IKonsoleTab? tab, string? whyNoTab, ProfileDraft draft, bool existed)
    {
        if (tab is null)
        {
            return $"not loaded into a running Konsole ({whyNoTab}); Konsole reads it when it starts, and `nvt ssh` loads it when needed";
        }

        try
        {
            if (KonsoleProfileLoader.IsLoadedAsync(tab, draft.Name).GetAwaiter().GetResult())
            {
                // Konsole keeps a loaded profile as it first read it, but re-reads a scheme that is not on screen.
                return existed
                    ? "this Konsole had the profile loaded: its new colours show from the next switch to it; its other settings after Konsole restarts"
                    : "this Konsole has it loaded";
            }
        }
        catch (KonsoleException e)
        {
            return $"Konsole could not be asked for its profiles ({e.Message}); `nvt ssh` loads it when needed";
        }

        string? problem = KonsoleProfileLoader.LoadAsync(tab, draft.Name, draft.ProfilePath, context.Settings.XdgRuntimeDir, context.Environment.CurrentDirectory)
            .GetAwaiter().GetResult();
        if (problem is null)
        {
            return "loaded into this Konsole: `nvt ssh` and Settings > Switch Profile can use it now";
        }

        context.Error.WriteLine($"nvt: {problem}; until Konsole restarts, `nvt ssh` shows its colours with an escape sequence");
        return "not loaded into this Konsole";
    }

    /// <summary>Checks every option; throws a usage error (exit 2) naming the problem.</summary>
    private static ProfileRequest Check(INvtContext context, CreateOptions options)
    {
        string name = ProfileName.Check(options.Name);
        Colour? background = null;
        if (options.Background is not null)
        {
            background = Colour.TryParse(options.Background)
                ?? throw new NvtException($"--background '{options.Background}' is not a colour: write it {Colour.AcceptedForms}");
        }

        string? wallpaper = options.Image is null ? null : WallpaperImage.Check(options.Image, context.Environment.CurrentDirectory);
        if (background is null && wallpaper is null)
        {
            throw new NvtException("nvt profiles create needs --background COLOUR, --image FILE, or both (see 'nvt profiles create --help')");
        }

        string fill = ProfileRequest.DefaultFillStyle;
        if (options.Fill is not null)
        {
            fill = ProfileRequest.FillStyles.FirstOrDefault(style => style.Equals(options.Fill, StringComparison.OrdinalIgnoreCase))
                ?? throw new NvtException($"--fill '{options.Fill}' is not one of tile, stretch, crop, adapt");
        }

        double opacity = 1;
        if (options.ImageOpacity is not null
            && (!double.TryParse(options.ImageOpacity, NumberStyles.Float, CultureInfo.InvariantCulture, out opacity) || opacity is < 0 or > 1))
        {
            throw new NvtException($"--image-opacity '{options.ImageOpacity}' is not a number from 0 to 1");
        }

        if (wallpaper is null && (options.Fill is not null || options.ImageOpacity is not null))
        {
            throw new NvtException("--fill and --image-opacity are for --image");
        }

        return new ProfileRequest(name, background, wallpaper, fill, opacity, options.Force);
    }

    /// <summary>
    /// --from, else the tab's profile (profile(), or the window's default when it has no name), else konsolerc's
    /// default profile, else Konsole's built-in one. Only a --from that does not exist is an error.
    /// </summary>
    private static ProfileBase LoadBase(INvtContext context, KonsoleDirectories directories, IKonsoleTab? tab, string? from)
    {
        if (from is not null)
        {
            return ProfileBase.Load(from, directories);
        }

        string name = (tab is null ? null : KonsoleTab.ShownProfileAsync(tab).GetAwaiter().GetResult()) ?? directories.DefaultProfileName() ?? KonsoleDirectories.BuiltInProfile;
        try
        {
            return ProfileBase.Load(name, directories);
        }
        catch (NvtException e)
        {
            context.Error.WriteLine($"nvt: {e.Message}; using Konsole's built-in profile instead");
            return ProfileBase.Load(KonsoleDirectories.BuiltInProfile, directories);
        }
    }

    private static string Where(string? file) => file is null ? " (Konsole's built-in, no file)" : $" ({file})";
}
