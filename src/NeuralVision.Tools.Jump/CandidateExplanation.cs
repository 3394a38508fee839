namespace NeuralVision.Tools.Jump;

/// <summary>
/// One candidate of `nvt explain`: what stops `nvt query` from returning it (nothing when <see cref="Reasons"/> is
/// empty) and how its score is made.
/// </summary>
/// <param name="Reasons">Every rule the entry fails, in the order query applies them.</param>
/// <param name="ExactLastComponent">Its last component is the last keyword: such matches rank before the others.</param>
/// <param name="IsBest">The entry `nvt query` with the same keywords prints.</param>
public sealed record CandidateExplanation(
    JumpEntry Entry,
    IReadOnlyList<string> Reasons,
    bool ExactLastComponent,
    RecencyBucket Recency,
    long AgeSeconds,
    double Score,
    bool IsBest)
{
    public bool IsReturned => Reasons.Count == 0;
}
