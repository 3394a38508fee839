using System.Globalization;

namespace NeuralVision.Tools.Jump.Store;

/// <summary>
/// Moves an unreadable database aside (never deletes it) so a fresh one can start: the user keeps the file for
/// recovery, and the shell keeps working.
/// </summary>
public static class DatabaseQuarantine
{
    /// <summary>Renames the database and its -wal to "NAME.corrupt-TIMESTAMP" (with its -wal or -journal); returns the new name of the database.</summary>
    public static string MoveAside(string databasePath, DateTimeOffset now)
    {
        string stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        string target = databasePath + ".corrupt-" + stamp;
        for (int n = 2; File.Exists(target); n++)
        {
            target = databasePath + ".corrupt-" + stamp + "-" + n.ToString(CultureInfo.InvariantCulture);
        }

        File.Move(databasePath, target);
        foreach (string companion in new[] { "-wal", "-journal" })
        {
            if (File.Exists(databasePath + companion))
            {
                // Kept beside the moved file under the name SQLite looks for, so `sqlite3 FILE` still sees its last commits.
                File.Move(databasePath + companion, target + companion);
            }
        }

        File.Delete(databasePath + "-shm");
        return target;
    }
}
