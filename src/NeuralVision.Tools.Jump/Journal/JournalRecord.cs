namespace NeuralVision.Tools.Jump.Journal;

/// <summary>One visit the shell hook appended: its time (null when the shell has no builtin clock), kind letter and path bytes.</summary>
internal sealed record JournalRecord(long? Time, byte Kind, byte[] Path);
