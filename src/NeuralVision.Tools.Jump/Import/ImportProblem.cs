namespace NeuralVision.Tools.Jump.Import;

/// <summary>
/// One bad line (or bad entry of a binary file). <see cref="Location"/> is "FILE:LINE" for text formats and
/// "FILE" for db.zo, so the message reads like a compiler's.
/// </summary>
public sealed record ImportProblem(string Location, string Reason)
{
    public override string ToString() => $"{Location}: {Reason}";
}

/// <summary>What a foreign file held: the entries that could be read and the problems with the rest.</summary>
/// <param name="SkippedEntries">How many entries the problems cost (a truncated db.zo loses every entry after the cut).</param>
public sealed record ImportFile(IReadOnlyList<JumpEntry> Entries, IReadOnlyList<ImportProblem> Problems, int SkippedEntries);

/// <summary>A file that cannot be imported at all (wrong version, unreadable): the message starts with the file name.</summary>
public sealed class ImportException : Exception
{
    public ImportException(string message)
        : base(message)
    {
    }

    public ImportException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
