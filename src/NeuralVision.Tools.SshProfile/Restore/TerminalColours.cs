using System.Globalization;
using NeuralVision.Tools.Platform.Settings;
using NeuralVision.Tools.SshProfile.Profiles;

namespace NeuralVision.Tools.SshProfile.Restore;

/// <summary>
/// The escape sequences `nvt ssh` writes to a terminal, and which way back the terminal supports: a colour stack
/// (xterm, kitty) restores exactly what was there, even a colour a program had set; OSC 111 only goes back to the
/// profile's colour. Inside tmux the outer terminal's stack is out of reach, so tmux gets OSC 111.
/// </summary>
public static class TerminalColours
{
    /// <summary>The first xterm patch with XTPUSHCOLORS and XTPOPCOLORS.</summary>
    private const int XtermColourStackPatch = 357;

    public static ColourUndo Detect(NvtSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string term = settings.Term ?? "";
        if (settings.InTmux || term.StartsWith("screen", StringComparison.Ordinal) || term.StartsWith("tmux", StringComparison.Ordinal))
        {
            return ColourUndo.Osc111;
        }

        if (settings.KittyWindowId is not null || term == "xterm-kitty")
        {
            return ColourUndo.KittyPop;
        }

        // XTERM_VERSION is "XTerm(379)".
        string version = settings.XtermVersion ?? "";
        int open = version.IndexOf('(', StringComparison.Ordinal);
        if (open >= 0 && version.EndsWith(')')
            && int.TryParse(version.AsSpan(open + 1, version.Length - open - 2), NumberStyles.None, CultureInfo.InvariantCulture, out int patch)
            && patch >= XtermColourStackPatch)
        {
            return ColourUndo.XtermPop;
        }

        return ColourUndo.Osc111;
    }

    /// <summary>Saves the colours where <paramref name="undo"/> can bring them back, then sets the background.</summary>
    public static string SetBackground(Colour background, ColourUndo undo) => Push(undo) + "\e]11;" + background + "\a";

    /// <summary>Konsole's <c>ESC ] 50 ; colors=NAME BEL</c> (what `konsoleprofile colors=NAME` sends): shows a scheme.</summary>
    public static string ShowScheme(string scheme) => "\e]50;colors=" + scheme + "\a";

    /// <summary>The sequence that takes the background back.</summary>
    public static string Undo(ColourUndo undo) => undo switch
    {
        ColourUndo.Osc111 => "\e]111\a",
        ColourUndo.XtermPop => "\e[#Q",
        ColourUndo.KittyPop => "\e]30101\e\\",
        _ => "",
    };

    private static string Push(ColourUndo undo) => undo switch
    {
        ColourUndo.XtermPop => "\e[#P",
        ColourUndo.KittyPop => "\e]30001\e\\",
        _ => "",
    };
}
