using SQLitePCL;

namespace NeuralVision.Tools.Jump.Sqlite;

/// <summary>
/// A thin layer over SQLitePCLRaw: open, execute, prepare. nvt talks to SQLite through this instead of ADO.NET because
/// the prompt hook pays for every layer on every cd, and because it needs calls ADO.NET does not expose
/// (sqlite3_db_config, persistent WAL, extended result codes).
/// </summary>
public sealed class SqliteConnection : IDisposable
{
    private const int OpenReadOnly = 0x1;
    private const int OpenReadWrite = 0x2;
    private const int OpenCreate = 0x4;
    private const int OpenUri = 0x40;
    private const int OpenNoMutex = 0x8000;
    private const int DbConfigNoCheckpointOnClose = 1006;

    private readonly sqlite3 handle;

    private SqliteConnection(sqlite3 handle, string path)
    {
        this.handle = handle;
        Path = path;
    }

    public string Path { get; }

    /// <summary>Opens <paramref name="path"/>; <paramref name="create"/> lets SQLite create a missing file.</summary>
    public static SqliteConnection Open(string path, bool readOnly, bool create, TimeSpan busyTimeout)
    {
        SqliteRuntime.Initialize();
        int flags = (readOnly ? OpenReadOnly : OpenReadWrite) | OpenNoMutex;
        if (create && !readOnly)
        {
            flags |= OpenCreate;
        }

        int rc = raw.sqlite3_open_v2(path, out var db, flags, null);
        if (rc != SqliteCodes.Ok)
        {
            string message = db is null || db.IsInvalid ? raw.sqlite3_errstr(rc).utf8_to_string() : raw.sqlite3_errmsg(db).utf8_to_string();
            db?.Dispose();
            throw new SqliteException(rc, message);
        }

        raw.sqlite3_extended_result_codes(db, 1);
        raw.sqlite3_busy_timeout(db, (int)busyTimeout.TotalMilliseconds);
        return new SqliteConnection(db, path);
    }

    /// <summary>Opens a file read-only without locking or a -shm file: for a database in a read-only directory.</summary>
    public static SqliteConnection OpenImmutable(string path, TimeSpan busyTimeout)
    {
        SqliteRuntime.Initialize();
        string uri = "file:" + Uri.EscapeDataString(path).Replace("%2F", "/", StringComparison.Ordinal) + "?immutable=1";
        int rc = raw.sqlite3_open_v2(uri, out var db, OpenReadOnly | OpenUri | OpenNoMutex, null);
        if (rc != SqliteCodes.Ok)
        {
            db?.Dispose();
            throw new SqliteException(rc, raw.sqlite3_errstr(rc).utf8_to_string());
        }

        raw.sqlite3_extended_result_codes(db, 1);
        raw.sqlite3_busy_timeout(db, (int)busyTimeout.TotalMilliseconds);
        return new SqliteConnection(db, path);
    }

    /// <summary>
    /// Leaves the WAL as it is when this connection closes, instead of checkpointing it (and syncing the database) as
    /// the last connection normally does: for a short-lived process that is most of the cost of a small write.
    /// </summary>
    public void SkipCheckpointOnClose() => raw.sqlite3_db_config(handle, DbConfigNoCheckpointOnClose, 1, out _);

    public void Execute(string sql)
    {
        int rc = raw.sqlite3_exec(handle, sql, out string? error);
        if (rc != SqliteCodes.Ok)
        {
            throw new SqliteException(raw.sqlite3_extended_errcode(handle), error ?? raw.sqlite3_errstr(rc).utf8_to_string());
        }
    }

    public SqliteStatement Prepare(string sql)
    {
        int rc = raw.sqlite3_prepare_v2(handle, sql, out var statement);
        Check(rc);
        return new SqliteStatement(this, statement);
    }

    /// <summary>Runs a statement that returns one integer (a PRAGMA or an aggregate).</summary>
    public long QueryInt64(string sql)
    {
        using var statement = Prepare(sql);
        return statement.Step() ? statement.GetInt64(0) : 0;
    }

    public string? QueryText(string sql)
    {
        using var statement = Prepare(sql);
        return statement.Step() ? statement.GetText(0) : null;
    }

    public int Changes => raw.sqlite3_changes(handle);

    internal void Check(int rc)
    {
        if (rc is not SqliteCodes.Ok and not SqliteCodes.Row and not SqliteCodes.Done)
        {
            throw new SqliteException(raw.sqlite3_extended_errcode(handle), raw.sqlite3_errmsg(handle).utf8_to_string());
        }
    }

    public void Dispose() => handle.Dispose();
}
