using Microsoft.Data.Sqlite;

namespace NeuralVision.Tools.Jump.Store;

/// <summary>
/// The one write path of ranks: visits, imports, removals, aging and sync merges all go through here, inside a write
/// transaction, and so do <c>meta.rank_sum</c> and the per-machine counts of <see cref="SyncTables"/> that a node's
/// rank is the sum of. Every row it changes is stamped with this transaction's sequence number. Call
/// <see cref="Complete"/> before the transaction commits.
/// </summary>
internal sealed class RankChanges : IDisposable
{
    private readonly StoreConnection connection;
    private readonly TreeWriter tree;
    private SqliteCommand? visit;
    private SqliteCommand? count;
    private MergeStatements? merge;
    private double sumDelta;
    private long? sequence;
    private bool stamped;
    private bool? hasPeers;

    public RankChanges(StoreConnection connection)
    {
        this.connection = connection;
        tree = new TreeWriter(connection);
    }

    /// <summary>This transaction's sequence number (taken on first use, written by <see cref="Complete"/>).</summary>
    public long Sequence => sequence ??= connection.Int64("SELECT value FROM meta WHERE key = 'seq'") + 1;

    /// <summary>
    /// True once this database has synced with another machine. Until then a removed path is forgotten at once, as
    /// before sync existed; afterwards it stays as a removal (a node without rank) so that the removal reaches the
    /// other machines and their older counts cannot bring it back.
    /// </summary>
    public bool HasPeers => hasPeers ??= connection.Int64($"SELECT EXISTS (SELECT 1 FROM machine WHERE id <> {SyncTables.LocalMachine})") != 0;

    /// <summary>
    /// Keeps the machine id with the machine: <paramref name="fingerprint"/> says which machine and file this is. When
    /// the database was copied from another machine (rsync of a home, a restore on a new machine), its counts are that
    /// machine's: they are handed to the old id, as a peer's, and this copy gets a new id of its own, so neither
    /// overwrites the other's visits. True when that happened.
    /// </summary>
    /// <param name="record">Remember the fingerprint when none is stored yet (a failed sync leaves the database as it was).</param>
    public bool KeepMachineId(string fingerprint, bool record)
    {
        using var command = connection.Command("SELECT value FROM meta WHERE key = 'machine_fingerprint'");
        command.Parameters.AddWithValue("$fingerprint", fingerprint);
        command.Parameters.AddWithValue("$seq", Sequence);
        object? stored = command.ExecuteScalar();
        if (stored as string == fingerprint)
        {
            return false;
        }

        bool copied = stored is string;
        if (!copied && !record)
        {
            return false;
        }

        if (copied)
        {
            command.CommandText = $"SELECT uuid FROM machine WHERE id = {SyncTables.LocalMachine}";
            command.Parameters.AddWithValue("$old", (string)command.ExecuteScalar()!);
            command.CommandText =
                $"UPDATE machine SET uuid = lower(hex(randomblob(16))), seen = 0, synced = NULL WHERE id = {SyncTables.LocalMachine}; "
                + "INSERT INTO machine (uuid) VALUES ($old); "
                + $"UPDATE tally SET machine = last_insert_rowid(), changed = $seq WHERE machine = {SyncTables.LocalMachine}";
            command.ExecuteNonQuery();
            hasPeers = true;
            stamped = true;
        }

        command.CommandText = "INSERT INTO meta (key, value) VALUES ('machine_fingerprint', $fingerprint) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
        command.ExecuteNonQuery();
        return copied;
    }

    /// <summary>The row of a machine in <c>machine</c>, added when new (then this database has a peer).</summary>
    public long MachineRow(string uuid)
    {
        using var command = connection.Command("INSERT INTO machine (uuid) VALUES ($uuid) ON CONFLICT (uuid) DO NOTHING; SELECT id FROM machine WHERE uuid = $uuid");
        command.Parameters.AddWithValue("$uuid", uuid);
        long id = (long)command.ExecuteScalar()!;
        if (id != SyncTables.LocalMachine)
        {
            hasPeers = true;
        }

        return id;
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
        visit ??= Prepare(
            "UPDATE node SET rank = coalesce(rank, 0) + $increment, last_access = max(coalesce(last_access, 0), $time), kind = $kind WHERE id = $id",
            ("$increment", SqliteType.Real), ("$time", SqliteType.Integer), ("$kind", SqliteType.Integer), ("$id", SqliteType.Integer));
        visit.Parameters[0].Value = increment;
        visit.Parameters[1].Value = time;
        visit.Parameters[2].Value = (long)kind;
        visit.Parameters[3].Value = id;
        visit.ExecuteNonQuery();

        // A visit dated at or before a removal this machine knows of is counted just after it: the removal rule (rows
        // last visited by then count nothing) must not take back a visit made after the path was removed here.
        count ??= Prepare(
            "INSERT INTO tally (node, machine, count, removed, last, changed) "
            + $"VALUES ($id, {SyncTables.LocalMachine}, $units, 0, max($time, coalesce((SELECT time + 1 FROM removal WHERE node = $id), 0)), $seq) "
            + $"ON CONFLICT (node, machine) DO UPDATE SET count = min(count + excluded.count, {SyncUnits.Maximum}), last = max(last, excluded.last), changed = excluded.changed",
            ("$id", SqliteType.Integer), ("$units", SqliteType.Integer), ("$time", SqliteType.Integer), ("$seq", SqliteType.Integer));
        count.Parameters[0].Value = id;
        count.Parameters[1].Value = SyncUnits.FromRank(increment);
        count.Parameters[2].Value = time;
        count.Parameters[3].Value = Sequence;
        count.ExecuteNonQuery();
        stamped = true;
        sumDelta += increment;
    }

    /// <summary>
    /// Forgets a recorded path (its ancestors go too when nothing else needs them); false when it was not recorded, or
    /// when <paramref name="onlyLastVisitedHere"/> and its latest visit was made on another machine (a directory that
    /// does not exist here may well exist there).
    /// </summary>
    public bool Remove(byte[] path, long now, bool onlyLastVisitedHere = false)
    {
        if (tree.Find(path, create: false) is not long id)
        {
            return false;
        }

        using var command = connection.Command("SELECT rank FROM node WHERE id = $id AND rank IS NOT NULL");
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$seq", Sequence);
        command.Parameters.AddWithValue("$now", now);
        if (command.ExecuteScalar() is not double rank)
        {
            return false;
        }

        if (onlyLastVisitedHere)
        {
            command.CommandText =
                $"SELECT coalesce((SELECT last FROM tally WHERE node = $id AND machine = {SyncTables.LocalMachine} AND count > removed), -1) "
                + ">= coalesce((SELECT max(last) FROM tally WHERE node = $id AND count > removed), 0)";
            if ((long)command.ExecuteScalar()! == 0)
            {
                return false;
            }
        }

        // The removal's time is never before a visit it removes, so a clock behind the other machine's still removes it.
        command.CommandText =
            "UPDATE node SET rank = NULL, last_access = NULL, kind = NULL WHERE id = $id; "
            + "INSERT INTO removal (node, time, changed) VALUES ($id, max($now, coalesce((SELECT max(last) FROM tally WHERE node = $id), 0)), $seq) "
            + "ON CONFLICT (node) DO UPDATE SET time = max(time, excluded.time), changed = excluded.changed; "
            + "UPDATE tally SET removed = count, changed = $seq WHERE node = $id AND removed < count";
        command.ExecuteNonQuery();
        if (!HasPeers)
        {
            command.CommandText = "DELETE FROM tally WHERE node = $id; DELETE FROM removal WHERE node = $id";
            command.ExecuteNonQuery();
        }

        stamped = true;
        sumDelta -= rank;
        tree.RemoveUnused(id);
        return true;
    }

    /// <summary>
    /// Merges another machine's state of one path (<see cref="SyncTables"/>): per machine the larger count, removed
    /// and last visit, the later removal time; then the node's rank, last visit and kind are derived again. True when
    /// anything changed here.
    /// </summary>
    public bool Merge(byte[] path, EntryKind kind, long removalTime, IReadOnlyList<MergedCount> counts)
    {
        long id = tree.Find(path, create: true)!.Value;
        merge ??= new MergeStatements(connection);
        var (oldRank, oldLast, hasKind) = merge.ReadNode(id);
        int changed = removalTime > 0 ? merge.MergeRemoval(id, removalTime, Sequence) : 0;
        foreach (var merged in counts)
        {
            changed += merge.MergeCount(id, merged, Sequence);
        }

        // A row last visited no later than the path's removal counts nothing (that machine visited before it was removed).
        changed += merge.ApplyRemoval(id, Sequence);
        if (changed == 0)
        {
            return false;
        }

        stamped = true;
        var (units, newLast) = merge.Sum(id);
        double? newRank = units > 0 ? SyncUnits.ToRank(units) : null;
        bool takeKind = newRank is not null && (!hasKind || newLast > oldLast);
        merge.WriteNode(id, newRank, newLast, takeKind ? kind : null);
        sumDelta += (newRank ?? 0) - (oldRank ?? 0);
        return true;
    }

    /// <summary>
    /// Forgets removals (rank-less nodes kept for sync) whose removal and every counted visit are older than
    /// <paramref name="cutoff"/>: by then every machine that syncs has merged them. A machine that has not synced since
    /// could bring such a path back with its old visits. The number of paths forgotten.
    /// </summary>
    public int ForgetRemovalsBefore(long cutoff)
    {
        using var command = connection.Command(
            "CREATE TEMP TABLE forgotten (node INTEGER PRIMARY KEY); "
            + "INSERT INTO forgotten SELECT n.id FROM node AS n WHERE n.rank IS NULL "
            + "AND EXISTS (SELECT 1 FROM tally AS t WHERE t.node = n.id) "
            + "AND NOT EXISTS (SELECT 1 FROM tally AS t WHERE t.node = n.id AND t.last >= $cutoff) "
            + "AND coalesce((SELECT time FROM removal AS r WHERE r.node = n.id), 0) < $cutoff; "
            + "DELETE FROM tally WHERE node IN (SELECT node FROM forgotten); "
            + "DELETE FROM removal WHERE node IN (SELECT node FROM forgotten); "
            + "SELECT count(*) FROM forgotten");
        command.Parameters.AddWithValue("$cutoff", cutoff);
        long forgotten = (long)command.ExecuteScalar()!;
        connection.Execute("DROP TABLE temp.forgotten");
        if (forgotten > 0)
        {
            RankAging.RemoveUnrecordedLeaves(connection, keepRemovals: true);
        }

        return (int)forgotten;
    }

    /// <summary>Ages the ranks when their total passed <paramref name="maxAge"/>; the number of entries dropped.</summary>
    public int AgeIfNeeded(double maxAge)
    {
        Complete();
        if (ReadRankSum(connection) <= maxAge)
        {
            return 0;
        }

        int dropped = RankAging.Age(connection, maxAge, Sequence, HasPeers);
        stamped = true;
        WriteSequence();
        return dropped;
    }

    /// <summary>Writes the total rank and the sequence number; the transaction may commit after this.</summary>
    public void Complete()
    {
        WriteSequence();
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
        count?.Dispose();
        merge?.Dispose();
        tree.Dispose();
    }

    /// <summary>The total rank as the write path keeps it (what aging compares with NVT_MAXAGE).</summary>
    public static double ReadRankSum(StoreConnection connection)
    {
        using var select = connection.Command("SELECT value FROM meta WHERE key = 'rank_sum'");
        return select.ExecuteScalar() is double sum ? sum : 0;
    }

    private void WriteSequence()
    {
        if (stamped && sequence is long taken)
        {
            using var update = connection.Command("UPDATE meta SET value = $seq WHERE key = 'seq' AND value < $seq");
            update.Parameters.AddWithValue("$seq", taken);
            update.ExecuteNonQuery();
        }
    }

    private SqliteCommand Prepare(string sql, params (string Name, SqliteType Type)[] parameters)
    {
        var command = connection.Command(sql);
        foreach (var (name, type) in parameters)
        {
            command.Parameters.Add(name, type);
        }

        return command;
    }
}
