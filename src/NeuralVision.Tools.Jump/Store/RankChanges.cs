using Microsoft.Data.Sqlite;

namespace NeuralVision.Tools.Jump.Store;

/// <summary>
/// The one write path of ranks: visits, imports, removals and aging all go through here, inside a write transaction,
/// and so does <c>meta.rank_sum</c>. A later per-machine table of visit counts (the sync of issue 16) has one place to
/// be kept in step. Call <see cref="Complete"/> before the transaction commits.
/// </summary>
internal sealed class RankChanges : IDisposable
{
    private readonly StoreConnection connection;
    private readonly TreeWriter tree;
    private SqliteCommand? visit;
    private double sumDelta;

    public RankChanges(StoreConnection connection)
    {
        this.connection = connection;
        tree = new TreeWriter(connection);
    }

    /// <summary>
    /// The rank grows by <paramref name="increment"/> and the last visit becomes the later of the two times; a new path
    /// is created with its ancestors. Every visit and import goes through this.
    /// </summary>
    public void Add(byte[] path, EntryKind kind, double increment, long time)
    {
        // SQLite would store NaN as NULL (an unrecorded node): callers bound ranks, this keeps a bad one out for good.
        if (!double.IsFinite(increment) || increment <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(increment), increment, "a rank increment must be a positive finite number");
        }

        long id = tree.Find(path, create: true)!.Value;
        visit ??= connection.Command(
            "UPDATE node SET rank = coalesce(rank, 0) + $increment, last_access = max(coalesce(last_access, 0), $time), kind = $kind WHERE id = $id");
        if (visit.Parameters.Count == 0)
        {
            visit.Parameters.Add("$increment", SqliteType.Real);
            visit.Parameters.Add("$time", SqliteType.Integer);
            visit.Parameters.Add("$kind", SqliteType.Integer);
            visit.Parameters.Add("$id", SqliteType.Integer);
        }

        visit.Parameters[0].Value = increment;
        visit.Parameters[1].Value = time;
        visit.Parameters[2].Value = (long)kind;
        visit.Parameters[3].Value = id;
        visit.ExecuteNonQuery();
        sumDelta += increment;
    }

    /// <summary>Forgets a recorded path (its ancestors go too when nothing else needs them); false when it was not recorded.</summary>
    public bool Remove(byte[] path)
    {
        if (tree.Find(path, create: false) is not long id)
        {
            return false;
        }

        using var clear = connection.Command("SELECT rank FROM node WHERE id = $id AND rank IS NOT NULL");
        clear.Parameters.AddWithValue("$id", id);
        if (clear.ExecuteScalar() is not double rank)
        {
            return false;
        }

        clear.CommandText = "UPDATE node SET rank = NULL, last_access = NULL, kind = NULL WHERE id = $id";
        clear.ExecuteNonQuery();
        sumDelta -= rank;
        tree.RemoveUnused(id);
        return true;
    }

    /// <summary>Ages the ranks when their total passed <paramref name="maxAge"/>; the number of entries dropped.</summary>
    public int AgeIfNeeded(double maxAge)
    {
        Complete();
        int dropped = RankAging.AgeIfNeeded(connection, maxAge);
        return dropped;
    }

    /// <summary>Writes the total rank; the transaction may commit after this.</summary>
    public void Complete()
    {
        if (sumDelta == 0)
        {
            return;
        }

        using var update = connection.Command("UPDATE meta SET value = value + $delta WHERE key = 'rank_sum'");
        update.Parameters.AddWithValue("$delta", sumDelta);
        update.ExecuteNonQuery();
        sumDelta = 0;
    }

    public void Dispose()
    {
        visit?.Dispose();
        tree.Dispose();
    }

    /// <summary>The total rank as the write path keeps it (what aging compares with NVT_MAXAGE).</summary>
    public static double ReadRankSum(StoreConnection connection)
    {
        using var select = connection.Command("SELECT value FROM meta WHERE key = 'rank_sum'");
        return select.ExecuteScalar() is double sum ? sum : 0;
    }
}
