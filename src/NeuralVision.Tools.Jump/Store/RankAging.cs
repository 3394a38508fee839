using NeuralVision.Tools.Jump.Sqlite;

namespace NeuralVision.Tools.Jump.Store;

/// <summary>
/// zoxide's aging: when the ranks add up to more than NVT_MAXAGE, every rank is scaled so the total becomes 90 % of
/// it, and entries below rank 1 are dropped. The total is kept by triggers in meta.rank_sum, so deciding costs one
/// row read.
/// </summary>
internal static class RankAging
{
    /// <summary>Ages the ranks if their total passed <paramref name="maxAge"/>; run inside the write transaction.</summary>
    public static void AgeIfNeeded(SqliteConnection connection, double maxAge)
    {
        double sum = ReadRankSum(connection);
        if (sum <= maxAge)
        {
            return;
        }

        using (var age = connection.Prepare("UPDATE entry SET rank = rank * ?1"))
        {
            age.Bind(1, Frecency.AgingFactor(sum, maxAge)).Run();
        }

        using (var drop = connection.Prepare("DELETE FROM entry WHERE rank < ?1"))
        {
            drop.Bind(1, Frecency.MinimumRank).Run();
        }

        // Re-sum from the rows so rounding in the triggers' running total cannot drift over years of aging.
        connection.Execute("UPDATE meta SET value = (SELECT coalesce(sum(rank), 0.0) FROM entry) WHERE key = 'rank_sum'");
    }

    /// <summary>The total rank as the triggers keep it.</summary>
    public static double ReadRankSum(SqliteConnection connection)
    {
        using var select = connection.Prepare("SELECT value FROM meta WHERE key = 'rank_sum'");
        return select.Step() ? select.GetDouble(0) : 0;
    }
}
