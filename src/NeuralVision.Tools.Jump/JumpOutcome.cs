namespace NeuralVision.Tools.Jump;

/// <summary>What a read-side operation found, plus where an unreadable database was moved, if that happened.</summary>
public sealed record JumpOutcome<T>(T Value, string? QuarantinedTo, string? QuarantineReason);
