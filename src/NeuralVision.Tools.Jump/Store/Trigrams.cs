using System.Text;

namespace NeuralVision.Tools.Jump.Store;

/// <summary>
/// The trigram index's encoding: a trigram is three bytes of a folded name's UTF-8 packed into an integer, and the
/// names holding it are a blob of varints (absolute ids, so adding a name appends to the blob in SQL: ids || ?).
/// </summary>
internal static class Trigrams
{
    public const int Length = 3;

    /// <summary>The distinct trigrams of folded text.</summary>
    public static List<long> Of(string fold)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(fold);
        var grams = new List<long>();
        for (int i = 0; i + Length <= bytes.Length; i++)
        {
            long gram = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
            if (!grams.Contains(gram))
            {
                grams.Add(gram);
            }
        }

        return grams;
    }

    public static byte[] Varint(long id)
    {
        var bytes = new List<byte>(4);
        ulong value = (ulong)id;
        while (value >= 0x80)
        {
            bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        bytes.Add((byte)value);
        return bytes.ToArray();
    }

    public static HashSet<long> Ids(byte[] blob)
    {
        var ids = new HashSet<long>();
        int i = 0;
        while (i < blob.Length)
        {
            ulong value = 0;
            int shift = 0;
            byte b;
            do
            {
                b = blob[i++];
                value |= (ulong)(b & 0x7F) << shift;
                shift += 7;
            }
            while ((b & 0x80) != 0 && i < blob.Length);
            ids.Add((long)value);
        }

        return ids;
    }
}
