namespace NeuralVision.Tools.Jump;

/// <summary>
/// The ranking constants and the score formula, in one place. They are zoxide's (see shared/docs/jumpers.md), so
/// imported databases rank as their users are used to.
/// </summary>
public static class Frecency
{
    public const double DefaultMaxAge = 10_000;

    /// <summary>After aging, the total rank is this fraction of the maximum.</summary>
    public const double AgingTargetFraction = 0.9;

    /// <summary>Entries whose rank falls below this after aging are dropped.</summary>
    public const double MinimumRank = 1;

    /// <summary>A missing directory is deleted at query time only if it was last visited longer ago than this.</summary>
    public const long MissingEntryGraceSeconds = 90L * Day;

    private const long Hour = 3600;
    private const long Day = 24 * Hour;
    private const long Week = 7 * Day;

    public static double Score(double rank, long lastAccess, long now)
    {
        long age = now - lastAccess;
        double factor = age switch
        {
            < Hour => 4,
            < Day => 2,
            < Week => 0.5,
            _ => 0.25,
        };
        return rank * factor;
    }

    /// <summary>The factor every rank is multiplied by when the total exceeds <paramref name="maxAge"/>.</summary>
    public static double AgingFactor(double rankSum, double maxAge) => AgingTargetFraction * maxAge / rankSum;
}
