using Microsoft.Data.Sqlite;

namespace NeuralVision.Tools.Jump.Store;

/// <summary>
/// Aging, when the ranks add up to more than M = NVT_MAXAGE. zoxide's rule scales every rank so the total becomes 0.9 M
/// and drops the entries that fall below 1; one huge rank (an import's 1e300, `--score 1e6`) then drops everything
/// else, and an import of more than M entries of rank 1 keeps nothing. Here: (1) no rank may exceed M/10; (2) if the
/// total is then at most M, nothing else happens; (3) otherwise the factor f = 0.9 M / total is applied best first
/// (rank, then last visit), each entry keeping max(rank x f, 1) while the running total stays within 0.9 M, and the
/// rest are dropped. A database in everyday use ages as with zoxide's rule. Only <see cref="RankChanges"/> calls this.
/// The per-machine counts follow (<see cref="SyncTables"/>): each machine's share of a node shrinks in the node's
/// proportion by raising <c>removed</c>, so a sync can never bring an aged rank back up.
/// </summary>
internal static class RankAging
{
    /// <summary>The largest rank an entry may have, and the bound of `--score` and imported ranks.</summary>
    public static double MaximumRank(double maxAge) => maxAge / 10;

    /// <summary>Ages the ranks (the caller saw their total above <paramref name="maxAge"/>); the number of entries dropped.</summary>
    public static int Age(StoreConnection connection, double maxAge, long sequence, bool keepRemovals)
    {
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
        }

        FollowInCounts(connection, sequence);
        if (dropped > 0)
        {
            RemoveUnrecordedLeaves(connection, keepRemovals);
        }

        // Re-summed from the rows, so rounding in the running total cannot drift over years of aging.
        connection.Execute("UPDATE meta SET value = (SELECT coalesce(sum(rank), 0.0) FROM node) WHERE key = 'rank_sum'");
        return dropped;
    }

    /// <summary>After many entries were dropped at once: deletes unrecorded nodes without children, level by level.</summary>
    public static void RemoveUnrecordedLeaves(StoreConnection connection, bool keepRemovals)
    {
        if (!keepRemovals)
        {
            connection.Execute(
                "DELETE FROM tally WHERE node IN (SELECT id FROM node WHERE rank IS NULL); "
                + "DELETE FROM removal WHERE node IN (SELECT id FROM node WHERE rank IS NULL)");
        }

        while (connection.Execute(
            "DELETE FROM node WHERE rank IS NULL AND id NOT IN (SELECT parent FROM node) AND id NOT IN (SELECT node FROM tally) AND id NOT IN (SELECT node FROM removal)") > 0)
        {
        }

        connection.Execute(
            "UPDATE name SET nodes = (SELECT count(*) FROM node WHERE node.name_id = name.id); DELETE FROM name WHERE nodes = 0");
    }

    /// <summary>
    /// Scales each machine's share of every node whose rank aging changed so the shares add up to the new rank (0 for
    /// a dropped entry), then takes the rank back from the shares, so the two agree exactly.
    /// </summary>
    private static void FollowInCounts(StoreConnection connection, long sequence)
    {
        using var follow = connection.Command(
            // Keyed by node: the correlated lookups below are one index probe per row, not a scan of the table.
            "CREATE TEMP TABLE aged (node INTEGER PRIMARY KEY, units INTEGER NOT NULL, target REAL NOT NULL); "
            + "INSERT INTO aged SELECT t.node AS node, sum(t.count - t.removed) AS units, coalesce(n.rank, 0) * $perVisit AS target "
            + "FROM tally AS t JOIN node AS n ON n.id = t.node WHERE t.count > t.removed GROUP BY t.node "
            + "HAVING abs(units - target) >= 1; "
            + "UPDATE tally SET removed = count - CAST((count - removed) * (SELECT target / units FROM aged WHERE aged.node = tally.node) AS INTEGER), "
            + "changed = $seq WHERE count > removed AND node IN (SELECT node FROM aged); "
            + "UPDATE node SET rank = (SELECT nullif(sum(max(t.count - t.removed, 0)), 0) FROM tally AS t WHERE t.node = node.id) * (1.0 / $perVisit) "
            + "WHERE id IN (SELECT node FROM aged); "
            + "UPDATE node SET last_access = NULL, kind = NULL WHERE rank IS NULL AND id IN (SELECT node FROM aged); "
            + "DROP TABLE temp.aged");
        follow.Parameters.AddWithValue("$perVisit", (double)SyncUnits.PerVisit);
        follow.Parameters.AddWithValue("$seq", sequence);
        follow.ExecuteNonQuery();
    }

    private static double Total(StoreConnection connection)
    {
        using SqliteCommand sum = connection.Command("SELECT coalesce(sum(rank), 0.0) FROM node");
        return sum.ExecuteScalar() is double total ? total : 0;
    }
}
