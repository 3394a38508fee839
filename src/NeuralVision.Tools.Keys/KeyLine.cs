using System.Text;

namespace NeuralVision.Tools.Keys;

/// <summary>
/// One "TYPE BASE64" key in a line of text, read as OpenSSH's sshkey_read reads it: a type name OpenSSH knows, then
/// spaces or tabs, then base64 up to the next space or tab, decoded strictly, a blob OpenSSH accepts, and the same
/// type in the text as in the blob (and, for ECDSA, the same curve).
/// </summary>
internal static class KeyLine
{
    /// <summary>
    /// Reads the key at <paramref name="position"/> of <paramref name="line"/> (a line without its newline, cut at a
    /// NUL as C strings are). On success <paramref name="position"/> moves past the spaces after the key, to where a
    /// comment would start; on failure it is left alone and <paramref name="reason"/> says what is wrong.
    /// </summary>
    public static SshPublicKey? TryRead(ReadOnlySpan<byte> line, ref int position, out string reason)
    {
        var rest = line[position..];
        int typeEnd = rest.IndexOfAny((byte)' ', (byte)'\t');
        if (typeEnd < 0)
        {
            reason = KeyType.FromName(Encoding.UTF8.GetString(rest)) is null ? "unknown key type" : "no key after the type";
            return null;
        }

        string typeName = Encoding.UTF8.GetString(rest[..typeEnd]);
        var type = KeyType.FromName(typeName);
        if (type is null)
        {
            reason = typeEnd == 0 ? "no key type" : "unknown key type";
            return null;
        }

        int start = typeEnd;
        while (start < rest.Length && rest[start] is (byte)' ' or (byte)'\t')
        {
            start++;
        }

        if (start == rest.Length)
        {
            reason = "no key after the type";
            return null;
        }

        int end = rest[start..].IndexOfAny((byte)' ', (byte)'\t');
        end = end < 0 ? rest.Length : start + end;
        byte[]? blob = OpenSshBase64.Decode(rest[start..end]);
        if (blob is null)
        {
            reason = "the key is not valid base64";
            return null;
        }

        SshPublicKey key;
        try
        {
            key = new SshPublicKey(blob, "");
        }
        catch (KeyFormatException e)
        {
            reason = e.Message;
            return null;
        }

        if (!key.Description.Type.SameTypeAs(type) || (type.Kind == KeyKind.Ecdsa && type.Curve != key.Description.Type.Curve))
        {
            reason = $"the line says {typeName} but the key is {key.TypeName}";
            return null;
        }

        while (end < rest.Length && rest[end] is (byte)' ' or (byte)'\t')
        {
            end++;
        }

        position += end;
        reason = "";
        return key;
    }
}
