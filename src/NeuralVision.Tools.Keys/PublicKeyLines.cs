namespace NeuralVision.Tools.Keys;

/// <summary>
/// The lines of public key, authorized_keys and known_hosts files, read as ssh-keygen -l reads them
/// (do_fingerprint): blank lines and '#' lines skipped; a bare key, or else a key after one leading field (options
/// with quoted spaces, or host names) that is then the comment unless text follows the key.
/// </summary>
internal static class PublicKeyLines
{
    public enum LineKind
    {
        Blank,
        Key,
        NotAKey,
    }

    /// <summary>The lines of a file as C's getline sees them: split at '\n', each cut at its first NUL; numbered from 1.</summary>
    public static IEnumerable<(int Number, byte[] Line)> Lines(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        int number = 0;
        int start = 0;
        while (start < content.Length)
        {
            int newline = Array.IndexOf(content, (byte)'\n', start);
            int end = newline < 0 ? content.Length : newline;
            number++;
            var line = content.AsSpan(start, end - start);
            int nul = line.IndexOf((byte)0);
            yield return (number, (nul < 0 ? line : line[..nul]).ToArray());
            start = end + 1;
        }
    }

    /// <summary>One line of do_fingerprint's loop.</summary>
    public static LineKind ReadLine(ReadOnlySpan<byte> line, out FingerprintedKey? key, out string reason)
    {
        key = null;
        reason = "";
        int position = 0;
        while (position < line.Length && line[position] is (byte)' ' or (byte)'\t')
        {
            position++;
        }

        if (position == line.Length || line[position] == '#')
        {
            return LineKind.Blank;
        }

        byte[]? comment = null;
        var found = KeyLine.TryRead(line, ref position, out reason);
        if (found is null)
        {
            // An SSH-1 key ("BITS E N") starts with a number and a blank: that field is not skipped.
            if (!StartsWithNumberField(line[position..]))
            {
                int fieldStart = position;
                bool quoted = false;
                for (; position < line.Length && (quoted || line[position] is not ((byte)' ' or (byte)'\t')); position++)
                {
                    if (line[position] == '\\' && position + 1 < line.Length && line[position + 1] == '"')
                    {
                        position++;
                    }
                    else if (line[position] == '"')
                    {
                        quoted = !quoted;
                    }
                }

                if (position >= line.Length)
                {
                    if (quoted)
                    {
                        reason = "a quote is not closed";
                    }
                    else if (reason is "unknown key type" or "no key type")
                    {
                        reason = "a single word";
                    }

                    return LineKind.NotAKey;
                }

                comment = line[fieldStart..position].ToArray();
                position++;
            }

            string firstReason = reason;
            found = KeyLine.TryRead(line, ref position, out reason);
            if (found is null)
            {
                // A line that starts with a known type is a bare key gone wrong: its own reason says more.
                if (firstReason is not ("unknown key type" or "no key type"))
                {
                    reason = firstReason;
                }

                return LineKind.NotAKey;
            }
        }

        while (position < line.Length && line[position] is (byte)' ' or (byte)'\t')
        {
            position++;
        }

        if (position < line.Length && line[position] != '#')
        {
            comment = line[position..].ToArray();
        }

        key = new FingerprintedKey(found, comment);
        return LineKind.Key;
    }

    /// <summary>
    /// The first key of a file as sshkey_load_public reads a public key file: lines starting with '#' or empty are
    /// skipped, a "-----BEGIN" line ends the search, the comment stops at the first CR or LF and is
    /// <paramref name="nameForEmptyComment"/> when empty. Null when no line holds a key.
    /// </summary>
    public static FingerprintedKey? FirstKey(byte[] content, byte[] nameForEmptyComment)
    {
        foreach (var (_, line) in Lines(content))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line.AsSpan().StartsWith("-----BEGIN"u8) || line.AsSpan().SequenceEqual("SSH PRIVATE KEY FILE"u8))
            {
                return null;
            }

            int position = 0;
            while (position < line.Length && line[position] is (byte)' ' or (byte)'\t')
            {
                position++;
            }

            if (position < line.Length && KeyLine.TryRead(line, ref position, out _) is SshPublicKey key)
            {
                var rest = line.AsSpan(position);
                int end = rest.IndexOfAny((byte)'\r', (byte)'\n');
                var comment = end < 0 ? rest : rest[..end];
                return new FingerprintedKey(key, comment.Length > 0 ? comment.ToArray() : nameForEmptyComment);
            }
        }

        return null;
    }

    /// <summary>strtol's view: a non-zero number (after optional blanks and sign) directly followed by a space or tab.</summary>
    private static bool StartsWithNumberField(ReadOnlySpan<byte> text)
    {
        int i = 0;
        while (i < text.Length && OpenSshBase64.IsSpace(text[i]))
        {
            i++;
        }

        if (i < text.Length && text[i] is (byte)'+' or (byte)'-')
        {
            i++;
        }

        int digits = i;
        bool nonZero = false;
        while (i < text.Length && text[i] is >= (byte)'0' and <= (byte)'9')
        {
            nonZero |= text[i] != '0';
            i++;
        }

        return i > digits && nonZero && i < text.Length && text[i] is (byte)' ' or (byte)'\t';
    }
}
