namespace NeuralVision.Tools.Jump.Store;

/// <summary>
/// Transactions. A write starts with BEGIN IMMEDIATE, which takes the write lock at once: two processes folding at the
/// same moment wait for each other (within the busy timeout) instead of one failing at COMMIT after doing its work.
/// </summary>
internal static class WriteTransaction
{
    public static T Run<T>(StoreConnection connection, Func<T> body)
    {
        connection.PrepareForWriting();
        return Run(connection, "BEGIN IMMEDIATE", body);
    }

    /// <summary>A read transaction: what it reads is one snapshot, even while another process commits.</summary>
    public static T Read<T>(StoreConnection connection, Func<T> body) => Run(connection, "BEGIN", body);

    private static T Run<T>(StoreConnection connection, string begin, Func<T> body)
    {
        connection.ExecuteDirect(begin);
        try
        {
            T result = body();
            connection.ExecuteDirect("COMMIT");
            return result;
        }
        catch
        {
            Rollback(connection);
            throw;
        }
    }

    private static void Rollback(StoreConnection connection)
    {
        if (!connection.InTransaction)
        {
            // SQLite already rolled back (after SQLITE_FULL, for example); the original error is what matters.
            return;
        }

        try
        {
            connection.ExecuteDirect("ROLLBACK");
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            // The connection is closed next; SQLite rolls back then. The original error is what matters.
        }
    }
}
