using System.Text;

namespace NeuralVision.Tools.Keys;

/// <summary>
/// OpenSSH's "drunken bishop" picture of a fingerprint (sshkey.c, fingerprint_randomart), reproduced character for
/// character so `nvt keys gen` shows what `ssh-keygen -lv` shows for the same key.
/// </summary>
public static class KeyRandomart
{
    private const int Width = 17;
    private const int Height = 9;

    // Symbols by visit count; the last two mark the start (S) and the end (E).
    private const string Symbols = " .o+=*BOX@%&#/^SE";

    /// <param name="digest">The raw fingerprint digest (all of its bytes are walked).</param>
    /// <param name="title">"TYPE BITS", e.g. "RSA 3072".</param>
    /// <param name="shortTitle">"TYPE", used when "[TYPE BITS]" does not fit the frame.</param>
    /// <param name="hashName">The digest name for the bottom border, e.g. "SHA256".</param>
    public static string Draw(ReadOnlySpan<byte> digest, string title, string shortTitle, string hashName)
    {
        int maxCount = Symbols.Length - 1;
        var field = new int[Width, Height];
        int x = Width / 2;
        int y = Height / 2;
        foreach (byte value in digest)
        {
            int input = value;
            for (int step = 0; step < 4; step++)
            {
                x = Math.Clamp(x + ((input & 1) != 0 ? 1 : -1), 0, Width - 1);
                y = Math.Clamp(y + ((input & 2) != 0 ? 1 : -1), 0, Height - 1);
                if (field[x, y] < maxCount - 2)
                {
                    field[x, y]++;
                }

                input >>= 2;
            }
        }

        field[Width / 2, Height / 2] = maxCount - 1;
        field[x, y] = maxCount;

        var picture = new StringBuilder();
        AppendBorder(picture, Bracket(title, shortTitle));
        picture.Append('\n');
        for (int row = 0; row < Height; row++)
        {
            picture.Append('|');
            for (int column = 0; column < Width; column++)
            {
                picture.Append(Symbols[Math.Min(field[column, row], maxCount)]);
            }

            picture.Append("|\n");
        }

        AppendBorder(picture, Bracket(hashName, hashName));
        return picture.ToString();
    }

    // OpenSSH formats into a 17-byte buffer: a title longer than that falls back to the short one, and one of exactly
    // 17 characters loses its last character to the terminating NUL.
    private static string Bracket(string title, string shortTitle)
    {
        string text = $"[{title}]";
        if (text.Length > Width)
        {
            text = $"[{shortTitle}]";
        }

        return text.Length >= Width ? text[..(Width - 1)] : text;
    }

    private static void AppendBorder(StringBuilder picture, string label)
    {
        int left = (Width - label.Length) / 2;
        picture.Append('+').Append('-', left).Append(label).Append('-', Width - left - label.Length).Append('+');
    }
}
