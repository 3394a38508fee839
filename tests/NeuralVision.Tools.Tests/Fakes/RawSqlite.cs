using Microsoft.Data.Sqlite;
using NeuralVision.Tools.Jump.Store;

namespace NeuralVision.Tools.Tests.Fakes;

/// <summary>SQL run straight on a database file, beside nvt: to build old schemas or break a file on purpose.</summary>
internal static class RawSqlite
{
    public static void Execute(string path, string sql)
    {
        SqliteRuntime.Initialize();
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static object? Scalar(string path, string sql)
    {
        SqliteRuntime.Initialize();
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
