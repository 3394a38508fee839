using NeuralVision.Tools.Jump.Sqlite;

namespace NeuralVision.Tools.Jump.Store;

/// <summary>
/// One write transaction. BEGIN IMMEDIATE takes the write lock at the start, so two shells recording at once wait
/// for each other (within the busy timeout) instead of failing at COMMIT.
/// </summary>
internal static class Transaction
{
    public static void Run(SqliteConnection connection, Action body)
    {
        connection.Execute("BEGIN IMMEDIATE");
        try
        {
            body();
            connection.Execute("COMMIT");
        }
        catch
        {
            Rollback(connection);
            throw;
        }
    }

    private static void Rollback(SqliteConnection connection)
    {
        try
        {
            connection.Execute("ROLLBACK");
        }
        catch (SqliteException)
        {
            // SQLite already rolled back (for example after SQLITE_FULL); the original error is what matters.
        }
    }
}
