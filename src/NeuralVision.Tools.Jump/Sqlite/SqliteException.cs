namespace NeuralVision.Tools.Sqlite;

/// <summary>An SQLite call failed; <see cref="ResultCode"/> is the primary result code (extended bits removed).</summary>
public sealed class SqliteException : Exception
{
    public SqliteException(int extendedResultCode, string message)
        : base(message)
    {
        ExtendedResultCode = extendedResultCode;
    }

    public int ExtendedResultCode { get; }

    public int ResultCode => ExtendedResultCode & 0xFF;

    /// <summary>The file is not a database or its pages are damaged: the caller may quarantine it.</summary>
    public bool IsCorruption => ResultCode is SqliteCodes.Corrupt or SqliteCodes.NotADatabase;

    /// <summary>Another connection holds the lock longer than the busy timeout allowed.</summary>
    public bool IsBusy => ResultCode is SqliteCodes.Busy or SqliteCodes.Locked;
}

/// <summary>The SQLite result codes nvt reacts to (sqlite3.h).</summary>
public static class SqliteCodes
{
    public const int Ok = 0;
    public const int Busy = 5;
    public const int Locked = 6;
    public const int ReadOnly = 8;
    public const int IoErr = 10;
    public const int Corrupt = 11;
    public const int CantOpen = 14;
    public const int NotADatabase = 26;
    public const int Row = 100;
    public const int Done = 101;
}
