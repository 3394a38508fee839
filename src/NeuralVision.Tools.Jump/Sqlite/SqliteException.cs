namespace NeuralVision.Tools.Jump.Sqlite;

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
