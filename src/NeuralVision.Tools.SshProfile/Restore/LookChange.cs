namespace NeuralVision.Tools.SshProfile.Restore;

/// <summary>What `nvt ssh` changed in the tab's look, and how it is taken back.</summary>
/// <param name="RestoreProfile">
/// The Konsole profile to set afterwards. In Konsole it undoes everything: a profile switch, a colour scheme shown
/// with OSC 50 and a background set with OSC 11 (which Konsole's ignored OSC 111 cannot undo).
/// </param>
/// <param name="Before">What the command writes to the terminal before ssh (OSC 11, OSC 50); null for nothing.</param>
/// <param name="Undo">What the command writes to the terminal after ssh.</param>
public sealed record LookChange(string? RestoreProfile, string? Before, ColourUndo Undo);
