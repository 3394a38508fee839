using NeuralVision.Tools.Jump.Sqlite;

namespace NeuralVision.Tools.Jump.Store;

/// <summary>
/// How the write-ahead log is kept. Every nvt process is short, so SQLite's own checkpoint-on-close would run (and
/// sync twice) on every cd. Instead the WAL is left between processes and folded into the database by the writer that
/// finds it over <see cref="CheckpointBytes"/>: truncating it keeps what the next process must scan when it opens it
/// small.
/// </summary>
internal static class WalPolicy
{
    /// <summary>The WAL size above which a writer checkpoints it into the database.</summary>
    public const long CheckpointBytes = 256 * 1024;

    /// <summary>The settings every connection gets (they are not stored in the file).</summary>
    public static void ApplyConnectionSettings(SqliteConnection connection)
    {
        // With WAL, NORMAL still never corrupts the file; a power cut may only lose the last visits.
        connection.Execute("PRAGMA synchronous = NORMAL");
        connection.SkipCheckpointOnClose();
    }

    /// <summary>Checkpoints and truncates the WAL when it has grown past <see cref="CheckpointBytes"/>.</summary>
    public static void CheckpointIfLarge(SqliteConnection connection)
    {
        var wal = new FileInfo(connection.Path + "-wal");
        if (wal.Exists && wal.Length > CheckpointBytes)
        {
            try
            {
                connection.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            catch (SqliteException e) when (e.IsBusy)
            {
                // A reader is active; the next writer will try again.
            }
        }
    }
}
