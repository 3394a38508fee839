using Microsoft.Data.Sqlite;

namespace NeuralVision.Tools.Jump.Store;

/// <summary>
/// Aging, when the ranks add up to more than M = NVT_MAXAGE. zoxide's rule scales every rank so the total becomes 0.9 M
/// and drops the entries that fall below 1; one huge rank (an import's 1e300, `--score 1e6`) then drops everything
/// else, and an import of more than M entries of rank 1 keeps nothing. Here: (1) no rank may exceed M/10; (2) if the
/// total is then at most M, nothing else happens; (3) otherwise the factor f = 0.9 M / total is applied best first
/// (rank, then last visit), each entry keeping max(rank x f, 1) while the running total stays within 0.9 M, and the
/// rest are dropped. A database in everyday use ages as with zoxide's rule. Only <see cref="RankChanges"/> calls this.
/// </summary>
internal static class RankAging
{
    /// <summary>The largest rank an entry may have, and the bound of `--score` and imported ranks.</summary>
    public static double MaximumRank(double maxAge) => maxAge / 10;

    public static int AgeIfNeeded(StoreConnection connection, double maxAge)
    {
        if (RankChanges.ReadRankSum(connection) <= maxAge)
        {
            return 0;
        }

        using var cap = connection.Command("UPDATE node SET rank = $cap WHERE rank > $cap");
        cap.Parameters.AddWithValue("$cap", MaximumRank(maxAge));
        cap.ExecuteNonQuery();

        double total = Total(connection);
        int dropped = 0;
        if (total > maxAge)
        {
            double factor = Frecency.AgingTargetFraction * maxAge / total;
            using var drop = connection.Command(
                "UPDATE node SET rank = NULL, last_access = NULL, kind = NULL WHERE id IN (SELECT id FROM ("
                + "SELECT id, sum(max(rank * $factor, $minimum)) OVER (ORDER BY rank DESC, last_access DESC, id) AS running "
                + "FROM node WHERE rank IS NOT NULL) WHERE running > $budget)");
            drop.Parameters.AddWithValue("$factor", factor);
            drop.Parameters.AddWithValue("$minimum", Frecency.MinimumRank);
            // A hair over the budget: a total that lands on it exactly must not lose its last entry to rounding.
            drop.Parameters.AddWithValue("$budget", Frecency.AgingTargetFraction * maxAge * (1 + 1e-9));
            dropped = drop.ExecuteNonQuery();

            using var scale = connection.Command("UPDATE node SET rank = max(rank * $factor, $minimum) WHERE rank IS NOT NULL");
            scale.Parameters.AddWithValue("$factor", factor);
            scale.Parameters.AddWithValue("$minimum", Frecency.MinimumRank);
            scale.ExecuteNonQuery();
            if (dropped > 0)
            {
                RemoveUnrecordedLeaves(connection);
            }
        }

        // Re-summed from the rows, so rounding in the running total cannot drift over years of aging.
        connection.Execute("UPDATE meta SET value = (SELECT coalesce(sum(rank), 0.0) FROM node) WHERE key = 'rank_sum'");
        return dropped;
    }

    /// <summary>After many entries were dropped at once: deletes unrecorded nodes without children, level by level.</summary>
    public static void RemoveUnrecordedLeaves(StoreConnection connection)
    {
        while (connection.Execute("DELETE FROM node WHERE rank IS NULL AND id NOT IN (SELECT parent FROM node)") > 0)
        {
        }

        connection.Execute(
            "UPDATE name SET nodes = (SELECT count(*) FROM node WHERE node.name_id = name.id); DELETE FROM name WHERE nodes = 0");
    }

    private static double Total(StoreConnection connection)
    {
        using SqliteCommand sum = connection.Command("SELECT coalesce(sum(rank), 0.0) FROM node");
        return sum.ExecuteScalar() is double total ? total : 0;
    }
}
