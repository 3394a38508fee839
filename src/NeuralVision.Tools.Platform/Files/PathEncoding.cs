using System.Text;

namespace NeuralVision.Tools.Platform.Files;

/// <summary>
/// UTF-8 for nvt's standard output, except that the escaped bytes of <see cref="PathBytes"/> are written as the bytes
/// they stand for: `nvt query` prints a path that is not valid UTF-8 exactly, so `cd "$(nvt query …)"` works. Output
/// is only ever encoded, never decoded.
/// </summary>
public sealed class PathEncoding : Encoding
{
    public override int GetByteCount(char[] chars, int index, int count) => GetBytes(chars.AsSpan(index, count)).Length;

    public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex)
    {
        byte[] encoded = GetBytes(chars.AsSpan(charIndex, charCount));
        encoded.CopyTo(bytes, byteIndex);
        return encoded.Length;
    }

    public override int GetCharCount(byte[] bytes, int index, int count) => throw new NotSupportedException();

    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) => throw new NotSupportedException();

    public override int GetMaxByteCount(int charCount) => (charCount + 1) * 3;

    public override int GetMaxCharCount(int byteCount) => byteCount;

    /// <summary>Keeps a high surrogate that ends one buffer for the low one that starts the next.</summary>
    public override Encoder GetEncoder() => new PathEncoder();

    private static byte[] GetBytes(ReadOnlySpan<char> chars)
    {
        var bytes = new List<byte>(chars.Length);
        PathBytes.Append(chars, bytes);
        return bytes.ToArray();
    }

    private sealed class PathEncoder : Encoder
    {
        private char pendingHigh;

        public override int GetByteCount(char[] chars, int index, int count, bool flush) =>
            Encode(chars.AsSpan(index, count), flush, commit: false).Length;

        public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex, bool flush)
        {
            byte[] encoded = Encode(chars.AsSpan(charIndex, charCount), flush, commit: true);
            encoded.CopyTo(bytes, byteIndex);
            return encoded.Length;
        }

        public override void Reset() => pendingHigh = '\0';

        private byte[] Encode(ReadOnlySpan<char> chars, bool flush, bool commit)
        {
            var text = new List<char>(chars.Length + 1);
            if (pendingHigh != '\0')
            {
                text.Add(pendingHigh);
            }

            foreach (char c in chars)
            {
                text.Add(c);
            }

            char carry = '\0';
            if (!flush && text.Count > 0 && char.IsHighSurrogate(text[^1]))
            {
                carry = text[^1];
                text.RemoveAt(text.Count - 1);
            }

            if (commit)
            {
                pendingHigh = carry;
            }

            var bytes = new List<byte>(text.Count);
            PathBytes.Append(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(text), bytes);
            return bytes.ToArray();
        }
    }
}
