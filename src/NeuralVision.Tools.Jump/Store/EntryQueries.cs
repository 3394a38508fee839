using NeuralVision.Tools.Jump.Sqlite;

namespace NeuralVision.Tools.Jump.Store;

/// <summary>The reads of the entry table: every entry, or only the candidates whose last component can match.</summary>
internal static class EntryQueries
{
    private const string Columns = "path, rank, last_access, kind";

    /// <summary>Every entry, in path order.</summary>
    public static List<JumpEntry> ReadAll(SqliteConnection connection)
    {
        using var select = connection.Prepare($"SELECT {Columns} FROM entry ORDER BY path");
        return ReadEntries(select);
    }

    /// <summary>
    /// The entries whose folded last component contains <paramref name="lastComponentHint"/> (every entry for an empty
    /// hint): through the trigram index for three characters or more, else by scanning the small name index.
    /// </summary>
    public static List<JumpEntry> ReadCandidates(SqliteConnection connection, string lastComponentHint)
    {
        using var select = lastComponentHint.Length switch
        {
            0 => connection.Prepare($"SELECT {Columns} FROM entry"),
            < JumpSchema.TrigramLength => connection.Prepare(
                // The sub-select scans only the small name index, not the table; the table is read for the hits alone.
                $"SELECT {Columns} FROM entry WHERE id IN "
                + "(SELECT id FROM entry INDEXED BY entry_by_name WHERE instr(name_fold, ?1) > 0)").Bind(1, lastComponentHint),
            _ => connection.Prepare(
                "SELECT e.path, e.rank, e.last_access, e.kind FROM entry_name JOIN entry AS e ON e.id = entry_name.rowid "
                + "WHERE entry_name MATCH ?1").Bind(1, FtsPhrase(lastComponentHint)),
        };
        return ReadEntries(select);
    }

    public static long Count(SqliteConnection connection) => connection.QueryInt64("SELECT count(*) FROM entry");

    private static List<JumpEntry> ReadEntries(SqliteStatement select)
    {
        var entries = new List<JumpEntry>();
        while (select.Step())
        {
            entries.Add(new JumpEntry(select.GetText(0), select.GetDouble(1), select.GetInt64(2), (EntryKind)select.GetInt64(3)));
        }

        return entries;
    }

    /// <summary>An FTS5 phrase that matches the text literally (quotes doubled, as FTS5 string syntax wants).</summary>
    private static string FtsPhrase(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
