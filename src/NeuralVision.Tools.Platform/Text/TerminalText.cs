using System.Buffers;
using System.Globalization;
using System.Text;

namespace NeuralVision.Tools.Platform.Text;

/// <summary>
/// Text from files or servers made safe to print, the way OpenSSH's tools print it (utf8.c, vasnmprintf): a
/// character that is not printable in the locale is shown as a backslash and three octal digits per byte (ESC is
/// <c>\033</c>, DEL <c>\177</c>, the byte 0xff <c>\377</c>), so a key comment cannot move the cursor, retitle the
/// window or hide what follows. Tab, newline and carriage return pass unchanged, as in OpenSSH. In a UTF-8 locale
/// valid printable UTF-8 is kept; in the C locale every byte above 0x7e is escaped.
/// </summary>
public static class TerminalText
{
    public static string Escape(string text, bool utf8)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Escape(Encoding.UTF8.GetBytes(text), utf8);
    }

    public static string Escape(ReadOnlySpan<byte> bytes, bool utf8)
    {
        var result = new StringBuilder(bytes.Length);
        int position = 0;
        while (position < bytes.Length)
        {
            byte first = bytes[position];
            if (first < 0x80)
            {
                if (first is (>= 0x20 and < 0x7f) or (byte)'\t' or (byte)'\n' or (byte)'\r')
                {
                    result.Append((char)first);
                }
                else
                {
                    AppendOctal(result, first);
                }

                position++;
                continue;
            }

            if (utf8 && Rune.DecodeFromUtf8(bytes[position..], out Rune rune, out int length) == OperationStatus.Done && IsPrintable(rune))
            {
                result.Append(rune.ToString());
                position += length;
                continue;
            }

            // Not printable, or not valid UTF-8: escape the bytes of the character (one byte when it is invalid).
            int count = utf8 && Rune.DecodeFromUtf8(bytes[position..], out _, out int invalidLength) == OperationStatus.Done ? invalidLength : 1;
            for (int i = 0; i < count; i++)
            {
                AppendOctal(result, bytes[position + i]);
            }

            position += count;
        }

        return result.ToString();
    }

    private static bool IsPrintable(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);

    private static void AppendOctal(StringBuilder result, byte value) =>
        result.Append('\\').Append((char)('0' + (value >> 6))).Append((char)('0' + ((value >> 3) & 7))).Append((char)('0' + (value & 7)));
}
