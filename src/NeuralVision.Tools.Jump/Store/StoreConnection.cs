using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace NeuralVision.Tools.Jump.Store;

/// <summary>
/// One Microsoft.Data.Sqlite connection, opened the way every nvt process needs it. Statements go through
/// <see cref="SqliteCommand"/> (prepared once, parameters rebound); the few statements that wait for a lock (BEGIN
/// IMMEDIATE, COMMIT) go straight to sqlite3_exec on the handle, so SQLite's own busy handler bounds the wait exactly:
/// Microsoft.Data.Sqlite would retry a busy statement in 150 ms sleeps for whole seconds.
/// </summary>
internal sealed class StoreConnection : IDisposable
{
    private readonly SqliteConnection connection;

    private StoreConnection(SqliteConnection connection, string path)
    {
        this.connection = connection;
        Path = path;
    }

    public string Path { get; }

    public bool IsReadOnly { get; private init; }

    /// <summary>TRUNCATE, or DELETE on a network file system (truncating a file another client has open is not reliable).</summary>
    public string RollbackJournal { get; private init; } = "TRUNCATE";

    private bool journalModeSet;

    /// <summary>Opens an existing file; <paramref name="busyTimeout"/> is how long a statement waits for a lock.</summary>
    public static StoreConnection Open(string path, bool readOnly, TimeSpan busyTimeout, bool networkFileSystem = false)
    {
        SqliteRuntime.Initialize();

        // One concatenated string, parsed once: the builder costs more. Quoted so that ';' or '=' in a path are data;
        // Pooling=False because a process opens one connection, and Default Timeout=1 so that the library's own retry
        // loop (whole seconds) ends as soon as SQLite's busy handler has given up.
        string source = "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";
        var connection = new SqliteConnection(
            $"Data Source={source};Mode={(readOnly ? "ReadOnly" : "ReadWrite")};Pooling=False;Default Timeout=1");
        try
        {
            connection.Open();
            raw.sqlite3_busy_timeout(connection.Handle, (int)busyTimeout.TotalMilliseconds);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return new StoreConnection(connection, path) { IsReadOnly = readOnly, RollbackJournal = networkFileSystem ? "DELETE" : "TRUNCATE" };
    }

    /// <summary>A statement to run once or many times (set its parameters' Value between runs).</summary>
    public SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    /// <summary>Runs SQL (one or more statements) that returns no rows; the number of rows changed.</summary>
    public int Execute(string sql)
    {
        using var command = Command(sql);
        return command.ExecuteNonQuery();
    }

    /// <summary>The first column of the first row as an integer (a PRAGMA or an aggregate); 0 when there is none.</summary>
    public long Int64(string sql)
    {
        using var command = Command(sql);
        return command.ExecuteScalar() is long value ? value : 0;
    }

    public string Text(string sql)
    {
        using var command = Command(sql);
        return command.ExecuteScalar() as string ?? string.Empty;
    }

    /// <summary>sqlite3_exec on the handle: for the statements that wait for locks (see the class comment).</summary>
    public void ExecuteDirect(string sql)
    {
        int rc = raw.sqlite3_exec(connection.Handle, sql, out string? error);
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(error ?? raw.sqlite3_errstr(rc).utf8_to_string(), rc, raw.sqlite3_extended_errcode(connection.Handle));
        }
    }

    /// <summary>
    /// Before this connection's first write. A rollback journal, not WAL: writes are rare (a fold per ~50 cds) and every
    /// open of a WAL database pays for its -wal and -shm files. Only WAL is stored in the file; a rollback journal mode
    /// is per connection, so it is set on each. A database still in WAL (made by an older nvt) leaves it here when no
    /// other process has it open; otherwise SQLite keeps WAL and a later writer switches.
    /// </summary>
    public void PrepareForWriting()
    {
        if (!journalModeSet)
        {
            journalModeSet = true;
            // NORMAL: 3 fdatasyncs per transaction instead of FULL's 5; SQLite still syncs before the database file is
            // overwritten, so a crash cannot corrupt it on a journaling file system (ext4, xfs, btrfs). What nvt used
            // with WAL before, too.
            Execute("PRAGMA journal_mode = " + RollbackJournal + "; PRAGMA synchronous = NORMAL");
        }
    }

    /// <summary>True while a transaction is open on this connection (autocommit is off).</summary>
    public bool InTransaction => raw.sqlite3_get_autocommit(connection.Handle) == 0;

    public void Dispose() => connection.Dispose();
}
