using System.Text;

namespace NeuralVision.Tools.Platform.Files;

/// <summary>
/// A path's exact bytes as a .NET string and back. Linux paths are bytes, not text: a name that is not valid UTF-8 must
/// still be recorded, printed and opened exactly. Valid UTF-8 decodes as usual; each byte that is not part of valid
/// UTF-8 becomes the lone surrogate U+DC80 + (byte - 0x80), which no valid UTF-8 can produce (Python's
/// "surrogateescape"), and <see cref="ToBytes(string)"/> turns it back into that byte.
/// </summary>
public static class PathBytes
{
    private const char EscapeBase = '\uDC00';

    /// <summary>The text form of <paramref name="bytes"/>; <see cref="ToBytes(string)"/> gives the same bytes back.</summary>
    public static string ToText(ReadOnlySpan<byte> bytes)
    {
        if (Ascii.IsValid(bytes))
        {
            return Encoding.ASCII.GetString(bytes);
        }

        var text = new StringBuilder(bytes.Length);
        while (!bytes.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(bytes, out var rune, out int consumed) == System.Buffers.OperationStatus.Done)
            {
                text.Append(rune.ToString());
            }
            else
            {
                // Only the first byte is escaped: the decoder resynchronises on the next one, as Python's does.
                consumed = 1;
                text.Append((char)(EscapeBase + bytes[0]));
            }

            bytes = bytes[consumed..];
        }

        return text.ToString();
    }

    public static byte[] ToBytes(string text)
    {
        var bytes = new List<byte>(text.Length);
        Append(text, bytes);
        return bytes.ToArray();
    }

    /// <summary>Appends the bytes of <paramref name="text"/>: escaped bytes as themselves, everything else as UTF-8.</summary>
    public static void Append(ReadOnlySpan<char> text, List<byte> bytes)
    {
        Span<byte> utf8 = stackalloc byte[4];
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c < 0x80)
            {
                bytes.Add((byte)c);
            }
            else if (c >= '\uDC80' && c <= '\uDCFF')
            {
                bytes.Add((byte)(c - EscapeBase));
            }
            else
            {
                bool pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
                var rune = pair ? new Rune(c, text[++i]) : Rune.TryCreate(c, out var single) ? single : Rune.ReplacementChar;
                int length = rune.EncodeToUtf8(utf8);
                for (int k = 0; k < length; k++)
                {
                    bytes.Add(utf8[k]);
                }
            }
        }
    }

    /// <summary>True when the text holds an escaped byte, i.e. the path is not valid UTF-8.</summary>
    public static bool HasEscapedBytes(string text)
    {
        foreach (char c in text)
        {
            if (c >= '\uDC80' && c <= '\uDCFF')
            {
                return true;
            }
        }

        return false;
    }
}
