namespace NeuralVision.Tools.Jump.Store;

/// <summary>
/// The mergeable half of the store (schema 5), what `nvt sync` exchanges. Every machine has an id made once with its
/// database (<c>machine</c> row 1 is this one). A node's rank is the sum over machines of <c>count - removed</c>
/// (in <see cref="SyncUnits"/>): <c>count</c> grows only with visits made on that machine, <c>removed</c> grows when
/// any machine removes the path or ages the ranks, <c>last</c> is that machine's latest visit. A merge keeps, per node
/// and machine, the larger of each of the three, so merging twice, in any order or grouping, gives the same state,
/// and a rank is never counted twice nor re-inflated by a sync. <c>removal</c> keeps the latest removal time of a
/// path, which also removes the visits a machine made before it that the remover had not seen yet. <c>changed</c> is
/// the local sequence number (<c>meta.seq</c>) of the transaction that last changed a row, so a sync sends only what
/// changed since the other side last saw this database; <c>machine.seen</c> is the other machine's sequence number
/// merged here so far.
/// </summary>
internal static class SyncTables
{
    /// <summary>The local machine's row in <c>machine</c>.</summary>
    public const long LocalMachine = 1;

    /// <summary>The schema <see cref="Upgrade"/> converts (the tree without the sync tables).</summary>
    public const long UpgradedVersion = 4;

    public const string Create = """
        CREATE TABLE machine (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            seen INTEGER NOT NULL DEFAULT 0,
            synced INTEGER
        );
        INSERT INTO machine (id, uuid) VALUES (1, lower(hex(randomblob(16))));
        CREATE TABLE tally (
            node INTEGER NOT NULL,
            machine INTEGER NOT NULL,
            count INTEGER NOT NULL,
            removed INTEGER NOT NULL,
            last INTEGER NOT NULL,
            changed INTEGER NOT NULL,
            PRIMARY KEY (node, machine)
        ) WITHOUT ROWID;
        CREATE INDEX tally_by_changed ON tally (changed);
        CREATE TABLE removal (node INTEGER PRIMARY KEY, time INTEGER NOT NULL, changed INTEGER NOT NULL);
        CREATE INDEX removal_by_changed ON removal (changed);
        INSERT INTO meta (key, value) VALUES ('seq', 0);
        """;

    /// <summary>Schema 4 to 5, inside the migration's transaction: every rank becomes this machine's count, rounded as SyncUnits.FromRank rounds a visit.</summary>
    public static void Upgrade(StoreConnection connection)
    {
        connection.Execute(Create);
        connection.Execute(
            "INSERT INTO tally (node, machine, count, removed, last, changed) "
            + $"SELECT id, 1, max(CAST(round(rank * {SyncUnits.PerVisit}) AS INTEGER), 1), 0, coalesce(last_access, 0), 1 FROM node WHERE rank IS NOT NULL; "
            + "UPDATE meta SET value = 1 WHERE key = 'seq'; PRAGMA user_version = 5");
    }
}
