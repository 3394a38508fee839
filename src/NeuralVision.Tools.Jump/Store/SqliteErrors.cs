using Microsoft.Data.Sqlite;

namespace NeuralVision.Tools.Jump.Store;

/// <summary>What an SQLite failure means to nvt (primary result codes, sqlite3.h).</summary>
internal static class SqliteErrors
{
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CantOpen = 14;
    private const int NotADatabase = 26;

    /// <summary>The file is not a database or its pages are damaged: the caller may quarantine it.</summary>
    public static bool IsCorruption(this SqliteException e) => Primary(e) is Corrupt or NotADatabase;

    /// <summary>Another connection held the lock for longer than the busy timeout.</summary>
    public static bool IsBusy(this SqliteException e) => Primary(e) is Busy or Locked;

    /// <summary>The file (or its directory, for the journal) cannot be written.</summary>
    public static bool IsReadOnly(this SqliteException e) => Primary(e) is ReadOnly or CantOpen;

    public static bool IsDiskFull(this SqliteException e) => Primary(e) is Full;

    private static int Primary(SqliteException e) => (e.SqliteExtendedErrorCode != 0 ? e.SqliteExtendedErrorCode : e.SqliteErrorCode) & 0xFF;
}
