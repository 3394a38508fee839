namespace NeuralVision.Tools.Jump;

/// <summary>
/// What a read-side operation found, plus where an unreadable database was moved, if that happened, and a warning
/// about the data directory the command should show.
/// </summary>
public sealed record JumpOutcome<T>(T Value, string? QuarantinedTo, string? QuarantineReason, string? Warning = null);
