namespace NeuralVision.Tools.Jump.Store;

/// <summary>
/// Brings a database to <see cref="JumpSchema.CurrentVersion"/> in one transaction, chooses the journal mode when the
/// file is new, and refuses a file written by a newer nvt.
/// </summary>
internal static class SchemaMigrator
{
    public static void Prepare(StoreConnection connection, StoreOptions options)
    {
        long version = connection.Int64("PRAGMA user_version");
        ThrowIfNewer(version);
        if (version == JumpSchema.CurrentVersion)
        {
            return;
        }

        bool migrated = WriteTransaction.Run(connection, () =>
        {
            // Another process may have created or migrated it while this one waited for the lock.
            long current = connection.Int64("PRAGMA user_version");
            ThrowIfNewer(current);
            if (current == 0)
            {
                connection.Execute(JumpSchema.Create);
                return false;
            }

            if (current == SyncTables.UpgradedVersion)
            {
                SyncTables.Upgrade(connection);
                return false;
            }

            if (current < JumpSchema.CurrentVersion)
            {
                LegacyMigration.Run(connection, current, options);
                return true;
            }

            return false;
        });
        if (migrated)
        {
            LegacyMigration.Finish(connection);
        }
    }

    /// <summary>A read-only database must already have this nvt's schema: it cannot be converted.</summary>
    public static void CheckReadable(StoreConnection connection)
    {
        long version = connection.Int64("PRAGMA user_version");
        ThrowIfNewer(version);
        if (version != JumpSchema.CurrentVersion)
        {
            throw new DatabaseVersionException(version, "was made by an older nvt and is read-only, so it cannot be upgraded");
        }
    }

    public static void ThrowIfNewer(long version)
    {
        if (version > JumpSchema.CurrentVersion)
        {
            throw new DatabaseVersionException(version, $"was written by a newer nvt (this one knows version {JumpSchema.CurrentVersion}); upgrade nvt to use it");
        }
    }
}
