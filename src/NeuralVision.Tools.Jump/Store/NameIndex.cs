using System.Globalization;

namespace NeuralVision.Tools.Jump.Store;

/// <summary>Finds the names whose folded text contains a piece of a keyword, through the trigram blobs.</summary>
internal static class NameIndex
{
    /// <summary>The names containing each piece (null for an empty piece, which constrains nothing).</summary>
    public static List<NameMatch>?[] NamesContaining(StoreConnection connection, IReadOnlyList<string> pieces)
    {
        var gramsOf = pieces.Select(piece => piece.Length >= Trigrams.Length ? Trigrams.Of(piece) : []).ToArray();
        var blobs = ReadBlobs(connection, gramsOf.SelectMany(grams => grams).Distinct().ToList());
        var result = new List<NameMatch>?[pieces.Count];
        for (int i = 0; i < pieces.Count; i++)
        {
            if (pieces[i].Length == 0)
            {
                continue;
            }

            HashSet<long>? ids = null;
            if (gramsOf[i].Count > 0)
            {
                if (gramsOf[i].Any(gram => !blobs.ContainsKey(gram)))
                {
                    // A trigram no name has: nothing can match.
                    result[i] = [];
                    continue;
                }

                // The two shortest blobs narrow it down enough; SQL's instr does the exact check.
                var shortest = gramsOf[i].Select(gram => blobs[gram]).OrderBy(blob => blob.Length).ToList();
                ids = Trigrams.Ids(shortest[0]);
                if (shortest.Count > 1 && ids.Count > 8)
                {
                    ids.IntersectWith(Trigrams.Ids(shortest[1]));
                }
            }

            result[i] = ReadNames(connection, pieces[i], ids);
        }

        return result;
    }

    private static Dictionary<long, byte[]> ReadBlobs(StoreConnection connection, List<long> grams)
    {
        var blobs = new Dictionary<long, byte[]>();
        if (grams.Count == 0)
        {
            return blobs;
        }

        using var select = connection.Command(
            $"SELECT gram, ids FROM gram WHERE gram IN ({string.Join(',', grams.Select(gram => gram.ToString(CultureInfo.InvariantCulture)))})");
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            blobs[reader.GetInt64(0)] = reader.GetFieldValue<byte[]>(1);
        }

        return blobs;
    }

    private static List<NameMatch> ReadNames(StoreConnection connection, string piece, HashSet<long>? ids)
    {
        var names = new List<NameMatch>();
        if (ids is { Count: 0 })
        {
            return names;
        }

        // Pieces shorter than a trigram scan the name table inside SQLite: small next to the nodes (a few per cent).
        string among = ids is null ? string.Empty : $"id IN ({string.Join(',', ids.Select(id => id.ToString(CultureInfo.InvariantCulture)))}) AND ";
        using var select = connection.Command($"SELECT id, fold, nodes FROM name WHERE {among}instr(fold, $piece) > 0");
        select.Parameters.AddWithValue("$piece", piece);
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            names.Add(new NameMatch(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2)));
        }

        return names;
    }
}
