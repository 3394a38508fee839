using Microsoft.Data.Sqlite;
using NeuralVision.Tools.Platform.Files;

namespace NeuralVision.Tools.Jump.Store;

/// <summary>The reads of the tree: every entry, a subtree's entries, the entries carrying some names, one path.</summary>
internal sealed class EntryQueries : IDisposable
{
    // From the node up to a child of the root, prepending each ancestor's name; the root itself is the name "".
    private const string PathOfNode =
        "WITH RECURSIVE up(parent, path) AS (SELECT n.parent, nm.bytes FROM node AS n JOIN name AS nm ON nm.id = n.name_id WHERE n.id = $id "
        + "UNION ALL SELECT p.parent, CAST(pn.bytes || X'2F' || up.path AS BLOB) FROM up JOIN node AS p ON p.id = up.parent "
        + "JOIN name AS pn ON pn.id = p.name_id) SELECT CAST(X'2F' || path AS BLOB) FROM up WHERE parent = 0";

    private readonly StoreConnection connection;
    private SqliteCommand? pathOf;
    private SqliteCommand? byRank;

    public EntryQueries(StoreConnection connection)
    {
        this.connection = connection;
    }

    /// <summary>Every recorded entry. A parent's id is always smaller than its children's (it was inserted first), so
    /// one scan in id order builds every path from its parent's.</summary>
    public List<JumpEntry> ReadAll()
    {
        var paths = new Dictionary<long, byte[]>();
        var entries = new List<JumpEntry>();
        using var select = connection.Command(
            "SELECT n.id, n.parent, nm.bytes, n.rank, n.last_access, n.kind FROM node AS n JOIN name AS nm ON nm.id = n.name_id ORDER BY n.id");
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            long parent = reader.GetInt64(1);
            byte[] name = reader.GetFieldValue<byte[]>(2);
            byte[] path = parent == 0 ? [(byte)'/', .. name] : paths.TryGetValue(parent, out var above) ? [.. above, (byte)'/', .. name] : [];
            if (path.Length == 0)
            {
                continue;
            }

            paths[reader.GetInt64(0)] = path;
            if (!reader.IsDBNull(3))
            {
                entries.Add(new JumpEntry(PathBytes.ToText(path), reader.GetDouble(3), reader.GetInt64(4), (EntryKind)reader.GetInt64(5)));
            }
        }

        return entries;
    }

    /// <summary>The recorded entries at or below the nodes carrying <paramref name="startNames"/>, whose own name is among
    /// <paramref name="leafNames"/> (any name when null). Paths are built inside SQLite on the way down.</summary>
    public List<JumpEntry> ReadSubtrees(IEnumerable<long> startNames, IReadOnlySet<long>? leafNames)
    {
        using var select = connection.Command(
            "WITH RECURSIVE up(start, parent, path) AS ("
            + $"SELECT n.id, n.parent, nm.bytes FROM node AS n JOIN name AS nm ON nm.id = n.name_id WHERE n.name_id IN ({IdList(startNames)}) "
            + "UNION ALL SELECT up.start, p.parent, CAST(pn.bytes || X'2F' || up.path AS BLOB) FROM up JOIN node AS p ON p.id = up.parent "
            + "JOIN name AS pn ON pn.id = p.name_id), "
            + "down(id, name_id, rank, t, kind, path) AS ("
            + "SELECT n.id, n.name_id, n.rank, n.last_access, n.kind, CAST(X'2F' || up.path AS BLOB) FROM up JOIN node AS n ON n.id = up.start WHERE up.parent = 0 "
            + "UNION SELECT c.id, c.name_id, c.rank, c.last_access, c.kind, CAST(down.path || X'2F' || cn.bytes AS BLOB) FROM down "
            + "JOIN node AS c ON c.parent = down.id JOIN name AS cn ON cn.id = c.name_id) "
            + "SELECT DISTINCT path, rank, t, kind, name_id FROM down WHERE rank IS NOT NULL");
        var entries = new List<JumpEntry>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            if (leafNames is null || leafNames.Contains(reader.GetInt64(4)))
            {
                entries.Add(new JumpEntry(PathBytes.ToText(reader.GetFieldValue<byte[]>(0)), reader.GetDouble(1), reader.GetInt64(2), (EntryKind)reader.GetInt64(3)));
            }
        }

        return entries;
    }

    /// <summary>The recorded nodes carrying the name, highest rank first: a best-first scan stops reading early.</summary>
    public IEnumerable<StoredNode> ByRank(long nameId)
    {
        byRank ??= connection.Command("SELECT id, rank, last_access, kind FROM node WHERE name_id = $name AND rank IS NOT NULL ORDER BY rank DESC");
        if (byRank.Parameters.Count == 0)
        {
            byRank.Parameters.Add("$name", SqliteType.Integer);
        }

        byRank.Parameters[0].Value = nameId;
        using var reader = byRank.ExecuteReader();
        while (reader.Read())
        {
            yield return new StoredNode(reader.GetInt64(0), reader.GetDouble(1), reader.GetInt64(2), (EntryKind)reader.GetInt64(3));
        }
    }

    /// <summary>Every recorded node carrying one of the names, with its path.</summary>
    public List<JumpEntry> ReadCarrying(IEnumerable<long> nameIds)
    {
        var entries = new List<JumpEntry>();
        foreach (long nameId in nameIds)
        {
            foreach (var node in ByRank(nameId).ToList())
            {
                entries.Add(new JumpEntry(PathOf(node.Id), node.Rank, node.LastAccess, node.Kind));
            }
        }

        return entries;
    }

    public string PathOf(long id)
    {
        pathOf ??= connection.Command(PathOfNode);
        if (pathOf.Parameters.Count == 0)
        {
            pathOf.Parameters.Add("$id", SqliteType.Integer);
        }

        pathOf.Parameters[0].Value = id;
        return pathOf.ExecuteScalar() is byte[] path ? PathBytes.ToText(path) : string.Empty;
    }

    public long Count() => connection.Int64("SELECT count(*) FROM node WHERE rank IS NOT NULL");

    public void Dispose()
    {
        pathOf?.Dispose();
        byRank?.Dispose();
    }

    private static string IdList(IEnumerable<long> ids) =>
        string.Join(',', ids.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
