using NeuralVision.Tools.Platform.Settings;

namespace NeuralVision.Tools.Jump;

/// <summary>
/// The ranking constants and the score formula, in one place. They are zoxide's (see shared/docs/jumpers.md), so
/// imported databases rank as their users are used to.
/// </summary>
public static class Frecency
{
    public const double DefaultMaxAge = NvtSettings.DefaultMaxAge;

    /// <summary>After aging, the total rank is this fraction of the maximum.</summary>
    public const double AgingTargetFraction = 0.9;

    /// <summary>Entries whose rank falls below this after aging are dropped.</summary>
    public const double MinimumRank = 1;

    /// <summary>The largest recency factor: no score exceeds this times the rank.</summary>
    public const double MaximumFactor = 4;

    /// <summary>A missing directory is deleted at query time only if it was last visited longer ago than this.</summary>
    public const long MissingEntryGraceSeconds = 90L * Day;

    private const long Hour = 3600;
    private const long Day = 24 * Hour;
    private const long Week = 7 * Day;

    private static readonly RecencyBucket WithinHour = new(MaximumFactor, "under an hour");
    private static readonly RecencyBucket WithinDay = new(2, "under a day");
    private static readonly RecencyBucket WithinWeek = new(0.5, "under a week");
    private static readonly RecencyBucket Older = new(0.25, "a week or more");

    public static double Score(double rank, long lastAccess, long now) => rank * Recency(lastAccess, now).Factor;

    /// <summary>The recency factor the score multiplies the rank by, with the name of its age range (for `nvt explain`).</summary>
    public static RecencyBucket Recency(long lastAccess, long now) => (now - lastAccess) switch
    {
        < Hour => WithinHour,
        < Day => WithinDay,
        < Week => WithinWeek,
        _ => Older,
    };

    /// <summary>The factor every rank is multiplied by when the total exceeds <paramref name="maxAge"/>.</summary>
    public static double AgingFactor(double rankSum, double maxAge) => AgingTargetFraction * maxAge / rankSum;
}
