using NeuralVision.Tools.Jump.Sqlite;

namespace NeuralVision.Tools.Jump.Store;

/// <summary>
/// Brings a database to <see cref="JumpSchema.CurrentVersion"/>: applies the missing migrations in one transaction,
/// chooses the journal mode when the file is new, and refuses a file written by a newer nvt.
/// </summary>
internal static class SchemaMigrator
{
    public static void Prepare(SqliteConnection connection, Func<string, long?> fileSystemType, string directory)
    {
        long version = connection.QueryInt64("PRAGMA user_version");
        if (version == JumpSchema.CurrentVersion)
        {
            WalPolicy.ApplyConnectionSettings(connection);
            return;
        }

        ThrowIfNewer(version);
        if (version == 0)
        {
            // The journal mode is stored in the file, so it is chosen once, when the database is created. WAL needs
            // shared memory every client of the file sees, which network file systems cannot give.
            bool network = fileSystemType(directory) is long type && FileSystemKind.IsNetworkFileSystemType(type);
            connection.Execute(network ? "PRAGMA journal_mode = DELETE" : "PRAGMA journal_mode = WAL");
        }

        WalPolicy.ApplyConnectionSettings(connection);
        Transaction.Run(connection, () =>
        {
            // Another process may have migrated while this one waited for the lock.
            long current = connection.QueryInt64("PRAGMA user_version");
            ThrowIfNewer(current);
            for (long next = current; next < JumpSchema.CurrentVersion; next++)
            {
                connection.Execute(JumpSchema.Migrations[next]);
            }

            connection.Execute($"PRAGMA user_version = {JumpSchema.CurrentVersion}");
        });
    }

    public static void ThrowIfNewer(long version)
    {
        if (version > JumpSchema.CurrentVersion)
        {
            throw new DatabaseVersionException(version, "was written by a newer nvt; upgrade nvt to use it");
        }
    }
}
