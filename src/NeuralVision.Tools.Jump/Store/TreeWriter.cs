using Microsoft.Data.Sqlite;
using NeuralVision.Tools.Platform.Files;

namespace NeuralVision.Tools.Jump.Store;

/// <summary>
/// Finds and creates the nodes of paths and the names they use, and removes nodes nothing needs any more. Only
/// <see cref="RankChanges"/> uses it, inside a write transaction. Statements are prepared once per instance.
/// </summary>
internal sealed class TreeWriter : IDisposable
{
    private readonly StoreConnection connection;
    private readonly Dictionary<string, long> nodeCache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> nameCache = new(StringComparer.Ordinal);
    private SqliteCommand? selectName;
    private SqliteCommand? insertName;
    private SqliteCommand? appendGram;
    private SqliteCommand? selectNode;
    private SqliteCommand? insertNode;
    private SqliteCommand? countName;

    public TreeWriter(StoreConnection connection)
    {
        this.connection = connection;
    }

    /// <summary>The node of <paramref name="path"/>, created with its missing ancestors when <paramref name="create"/>.</summary>
    public long? Find(byte[] path, bool create)
    {
        long parent = 0;
        string prefix = string.Empty;
        foreach (byte[] component in PathComponents.Split(path))
        {
            prefix += "/" + Key(component);
            if (!nodeCache.TryGetValue(prefix, out long id))
            {
                long? nameId = NameId(component, create);
                long? found = nameId is long n ? NodeId(parent, n, create) : null;
                if (found is null)
                {
                    return null;
                }

                id = found.Value;
                nodeCache[prefix] = id;
            }

            parent = id;
        }

        return parent;
    }

    /// <summary>Deletes the node and then its ancestors while each is unrecorded, has no children left and no removal to sync.</summary>
    public void RemoveUnused(long id)
    {
        nodeCache.Clear();
        using var select = connection.Command(
            "SELECT parent, name_id FROM node WHERE id = $id AND rank IS NULL AND NOT EXISTS (SELECT 1 FROM node AS c WHERE c.parent = $id) "
            + "AND NOT EXISTS (SELECT 1 FROM tally WHERE tally.node = $id) AND NOT EXISTS (SELECT 1 FROM removal WHERE removal.node = $id)");
        var selectId = select.Parameters.Add("$id", SqliteType.Integer);
        using var delete = connection.Command(
            "DELETE FROM node WHERE id = $id; UPDATE name SET nodes = nodes - 1 WHERE id = $name; DELETE FROM name WHERE id = $name AND nodes <= 0");
        var deleteId = delete.Parameters.Add("$id", SqliteType.Integer);
        var deleteName = delete.Parameters.Add("$name", SqliteType.Integer);
        while (id != 0)
        {
            selectId.Value = id;
            long parent, nameId;
            using (var reader = select.ExecuteReader())
            {
                if (!reader.Read())
                {
                    return;
                }

                parent = reader.GetInt64(0);
                nameId = reader.GetInt64(1);
            }

            deleteId.Value = id;
            deleteName.Value = nameId;
            delete.ExecuteNonQuery();
            nameCache.Clear();
            id = parent;
        }
    }

    public void Dispose()
    {
        foreach (var command in new[] { selectName, insertName, appendGram, selectNode, insertNode, countName })
        {
            command?.Dispose();
        }
    }

    /// <summary>The bytes as a dictionary key: Latin-1 maps each byte to one char, so equal keys mean equal bytes.</summary>
    private static string Key(byte[] bytes) => System.Text.Encoding.Latin1.GetString(bytes);

    private long? NameId(byte[] bytes, bool create)
    {
        string key = Key(bytes);
        if (nameCache.TryGetValue(key, out long cached))
        {
            return cached;
        }

        selectName ??= Prepare("SELECT id FROM name WHERE bytes = $bytes", ("$bytes", SqliteType.Blob));
        selectName.Parameters[0].Value = bytes;
        long? id = selectName.ExecuteScalar() is long found ? found : null;
        if (id is null && create)
        {
            // The fold is what queries match on; a name that is not valid UTF-8 keeps its exact bytes in `bytes`.
            string fold = PathBytes.ToText(bytes).ToLowerInvariant();
            insertName ??= Prepare("INSERT INTO name (bytes, fold) VALUES ($bytes, $fold) RETURNING id", ("$bytes", SqliteType.Blob), ("$fold", SqliteType.Text));
            insertName.Parameters[0].Value = bytes;
            insertName.Parameters[1].Value = fold;
            id = (long)insertName.ExecuteScalar()!;
            appendGram ??= Prepare(
                "INSERT INTO gram (gram, ids) VALUES ($gram, $ids) ON CONFLICT (gram) DO UPDATE SET ids = ids || excluded.ids",
                ("$gram", SqliteType.Integer),
                ("$ids", SqliteType.Blob));
            appendGram.Parameters[1].Value = Trigrams.Varint(id.Value);
            foreach (long gram in Trigrams.Of(fold))
            {
                appendGram.Parameters[0].Value = gram;
                appendGram.ExecuteNonQuery();
            }
        }

        if (id is long known)
        {
            nameCache[key] = known;
        }

        return id;
    }

    private long? NodeId(long parent, long nameId, bool create)
    {
        selectNode ??= Prepare("SELECT id FROM node WHERE parent = $parent AND name_id = $name", ("$parent", SqliteType.Integer), ("$name", SqliteType.Integer));
        selectNode.Parameters[0].Value = parent;
        selectNode.Parameters[1].Value = nameId;
        if (selectNode.ExecuteScalar() is long found)
        {
            return found;
        }

        if (!create)
        {
            return null;
        }

        insertNode ??= Prepare("INSERT INTO node (parent, name_id) VALUES ($parent, $name) RETURNING id", ("$parent", SqliteType.Integer), ("$name", SqliteType.Integer));
        insertNode.Parameters[0].Value = parent;
        insertNode.Parameters[1].Value = nameId;
        long id = (long)insertNode.ExecuteScalar()!;
        countName ??= Prepare("UPDATE name SET nodes = nodes + 1 WHERE id = $name", ("$name", SqliteType.Integer));
        countName.Parameters[0].Value = nameId;
        countName.ExecuteNonQuery();
        return id;
    }

    private SqliteCommand Prepare(string sql, params (string Name, SqliteType Type)[] parameters)
    {
        var command = connection.Command(sql);
        foreach (var (name, type) in parameters)
        {
            command.Parameters.Add(name, type);
        }

        return command;
    }
}
