namespace NeuralVision.Tools.Jump.Store;

/// <summary>
/// Visit counts are kept as integers in units of 2^-20 of a visit: a merge compares them exactly (no floating-point
/// drift between machines), and fractional increments (`--score 0.5`, imported ranks, aging) still fit.
/// </summary>
internal static class SyncUnits
{
    public const long PerVisit = 1L << 20;

    /// <summary>The largest count: far above any rank aging allows, far below overflow when the machines' counts of a path are summed.</summary>
    public const long Maximum = 1L << 52;

    public static long FromRank(double rank) =>
        rank >= (double)Maximum / PerVisit ? Maximum : Math.Max(1, (long)Math.Round(rank * PerVisit));

    public static double ToRank(long units) => (double)units / PerVisit;
}
