namespace NeuralVision.Tools.Jump.Sqlite;

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
