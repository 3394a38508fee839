using SQLitePCL;

namespace NeuralVision.Tools.Jump.Sqlite;

/// <summary>A prepared statement. Parameters are 1-based, columns 0-based, as in the C API.</summary>
public sealed class SqliteStatement : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly sqlite3_stmt handle;

    internal SqliteStatement(SqliteConnection connection, sqlite3_stmt handle)
    {
        this.connection = connection;
        this.handle = handle;
    }

    public SqliteStatement Bind(int index, string value)
    {
        connection.Check(raw.sqlite3_bind_text(handle, index, value));
        return this;
    }

    public SqliteStatement Bind(int index, double value)
    {
        connection.Check(raw.sqlite3_bind_double(handle, index, value));
        return this;
    }

    public SqliteStatement Bind(int index, long value)
    {
        connection.Check(raw.sqlite3_bind_int64(handle, index, value));
        return this;
    }

    /// <summary>Advances to the next row; false when the statement is done.</summary>
    public bool Step()
    {
        int rc = raw.sqlite3_step(handle);
        connection.Check(rc);
        return rc == SqliteCodes.Row;
    }

    /// <summary>Runs a statement that returns no rows.</summary>
    public void Run()
    {
        while (Step())
        {
        }
    }

    public void Reset()
    {
        raw.sqlite3_reset(handle);
        raw.sqlite3_clear_bindings(handle);
    }

    public string GetText(int column) => raw.sqlite3_column_text(handle, column).utf8_to_string() ?? string.Empty;

    public double GetDouble(int column) => raw.sqlite3_column_double(handle, column);

    public long GetInt64(int column) => raw.sqlite3_column_int64(handle, column);

    public void Dispose() => handle.Dispose();
}
