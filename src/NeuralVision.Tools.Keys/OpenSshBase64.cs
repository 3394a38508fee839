namespace NeuralVision.Tools.Keys;

/// <summary>
/// Base64 decoded with the rules of OpenBSD's b64_pton, which OpenSSH uses for key lines and key files: white space
/// anywhere is skipped, the input must end on a whole group or with correct '=' padding (nothing but white space
/// after it), and the unused bits before the padding must be zero. .NET's decoder differs in these details, so keys
/// it reads could be keys OpenSSH refuses, and the other way round.
/// </summary>
internal static class OpenSshBase64
{
    public static byte[]? Decode(ReadOnlySpan<byte> text)
    {
        var output = new List<byte>(text.Length * 3 / 4);
        int state = 0;
        int partial = 0;
        int position = 0;
        for (; position < text.Length; position++)
        {
            byte c = text[position];
            if (IsSpace(c))
            {
                continue;
            }

            if (c == '=')
            {
                break;
            }

            int value = Value(c);
            if (value < 0)
            {
                return null;
            }

            switch (state)
            {
                case 0:
                    partial = value << 2;
                    break;
                case 1:
                    output.Add((byte)(partial | (value >> 4)));
                    partial = (value & 0x0f) << 4;
                    break;
                case 2:
                    output.Add((byte)(partial | (value >> 2)));
                    partial = (value & 0x03) << 6;
                    break;
                default:
                    output.Add((byte)(partial | value));
                    partial = 0;
                    break;
            }

            state = (state + 1) % 4;
        }

        if (position == text.Length)
        {
            // Ended without padding: only on a whole group.
            return state == 0 ? [.. output] : null;
        }

        // A '=' at position: two are needed after 2 characters of a group, one after 3.
        position++;
        if (state is 0 or 1)
        {
            return null;
        }

        if (state == 2)
        {
            while (position < text.Length && IsSpace(text[position]))
            {
                position++;
            }

            if (position == text.Length || text[position] != '=')
            {
                return null;
            }

            position++;
        }

        for (; position < text.Length; position++)
        {
            if (!IsSpace(text[position]))
            {
                return null;
            }
        }

        return partial == 0 ? [.. output] : null;
    }

    /// <summary>isspace(3) in the C locale.</summary>
    public static bool IsSpace(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\v' or (byte)'\f' or (byte)'\r';

    private static int Value(byte c) => c switch
    {
        >= (byte)'A' and <= (byte)'Z' => c - 'A',
        >= (byte)'a' and <= (byte)'z' => c - 'a' + 26,
        >= (byte)'0' and <= (byte)'9' => c - '0' + 52,
        (byte)'+' => 62,
        (byte)'/' => 63,
        _ => -1,
    };
}
