namespace NeuralVision.Tools.SshProfile.Restore;

/// <summary>How a background set with OSC 11 is taken back (none in Konsole: setProfile undoes it there).</summary>
public enum ColourUndo
{
    /// <summary>Nothing to write.</summary>
    None,

    /// <summary><c>ESC ] 111 BEL</c>: back to the profile's background (ignored by Konsole 22.12).</summary>
    Osc111,

    /// <summary>xterm's XTPOPCOLORS, <c>CSI # Q</c>, after XTPUSHCOLORS before the change (xterm patch 357 and later).</summary>
    XtermPop,

    /// <summary>kitty's colour stack: <c>ESC ] 30101 ESC \</c> pops what <c>ESC ] 30001 ESC \</c> pushed.</summary>
    KittyPop,
}
