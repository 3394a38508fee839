namespace NeuralVision.Tools.Jump.Import;

/// <summary>
/// One bad line (or bad entry of a binary file). <see cref="Location"/> is "FILE:LINE" for text formats and
/// "FILE" for db.zo, so the message reads like a compiler's.
/// </summary>
public sealed record ImportProblem(string Location, string Reason)
{
    public override string ToString() => $"{Location}: {Reason}";
}
