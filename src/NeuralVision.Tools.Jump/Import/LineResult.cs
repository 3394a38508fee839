namespace NeuralVision.Tools.Jump.Import;

/// <summary>A parsed line: the entry, or why there is none. Converts from either, so parsers simply return one.</summary>
internal readonly record struct LineResult(JumpEntry? Entry, string? Reason)
{
    public static implicit operator LineResult(JumpEntry entry) => new(entry, null);

    public static implicit operator LineResult(string reason) => new(null, reason);
}
