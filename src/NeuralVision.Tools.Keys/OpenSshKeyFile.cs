namespace NeuralVision.Tools.Keys;

/// <summary>
/// An openssh-key-v1 file read as OpenSSH reads one without a passphrase (sshkey.c: private2_uudecode,
/// sshkey_parse_pubkey_from_private_fileblob_type, private2_decrypt with the "none" cipher), for what ssh-keygen -l
/// shows: the public key in the clear header, and the comment of an unencrypted private section when that section
/// is whole (check integers equal, fields of the type, the same key as the header, correct padding, nothing after).
/// Keys of every type are read here, also those nvt cannot sign with (DSA, ECDSA, FIDO).
/// </summary>
internal static class OpenSshKeyFile
{
    private const int UnencryptedBlockSize = 8;

    private static ReadOnlySpan<byte> BeginMark => "-----BEGIN OPENSSH PRIVATE KEY-----\n"u8;

    private static ReadOnlySpan<byte> EndMark => "-----END OPENSSH PRIVATE KEY-----\n"u8;

    private static ReadOnlySpan<byte> Magic => "openssh-key-v1\0"u8;

    public static bool LooksLikeOne(ReadOnlySpan<byte> content) => content.StartsWith(BeginMark);

    /// <summary>The header's public key; null when the file is not a readable openssh-key-v1 file.</summary>
    public static SshPublicKey? PublicKey(byte[] content) => Header(content, out _, out _, out _);

    /// <summary>
    /// The comment of the unencrypted private section (empty when it has none); null when it is encrypted or not whole,
    /// which is when ssh-keygen's private load fails too.
    /// </summary>
    public static byte[]? PrivateComment(byte[] content)
    {
        var key = Header(content, out string cipher, out string kdf, out byte[] rest);
        if (key is null || cipher != "none" || kdf != "none")
        {
            return null;
        }

        try
        {
            var outer = new SshWireReader(rest);
            var section = outer.ReadString();
            if (outer.Remaining != 0 || section.Length < UnencryptedBlockSize || section.Length % UnencryptedBlockSize != 0)
            {
                return null;
            }

            var reader = new SshWireReader(section);
            if (reader.ReadUInt32() != reader.ReadUInt32())
            {
                return null;
            }

            byte[] publicBlob = PrivateFields(ref reader);
            if (!new SshPublicKey(publicBlob, "").Description.PlainBlob.AsSpan().SequenceEqual(key.Description.PlainBlob))
            {
                return null;
            }

            byte[] comment = reader.ReadString().ToArray();
            if (comment.Contains((byte)0))
            {
                return null;
            }

            var padding = reader.Rest;
            for (int i = 0; i < padding.Length; i++)
            {
                if (padding[i] != (byte)(i + 1))
                {
                    return null;
                }
            }

            return comment;
        }
        catch (KeyFormatException)
        {
            return null;
        }
    }

    /// <summary>Reads a private key's fields (sshkey_private_deserialize) and returns the public blob they make.</summary>
    private static byte[] PrivateFields(ref SshWireReader reader)
    {
        string name = reader.ReadCString();
        var type = KeyType.FromName(name);
        if (type is null || type.IsCertificate)
        {
            throw new KeyFormatException("a private key of a type nvt does not read");
        }

        var blob = new SshWireWriter().WriteString(type.PlainName);
        switch (type.Kind)
        {
            case KeyKind.Rsa:
            {
                var n = reader.ReadBignum();
                var e = reader.ReadBignum();
                reader.ReadBignum(); // d
                reader.ReadBignum(); // iqmp
                reader.ReadBignum(); // p
                reader.ReadBignum(); // q
                blob.WriteMpint(e).WriteMpint(n);
                break;
            }

            case KeyKind.Dsa:
                blob.WriteMpint(reader.ReadBignum()).WriteMpint(reader.ReadBignum()).WriteMpint(reader.ReadBignum()).WriteMpint(reader.ReadBignum());
                reader.ReadBignum(); // x
                break;
            case KeyKind.Ecdsa:
                blob.WriteString(reader.ReadString()).WriteString(reader.ReadString());
                reader.ReadBignum(); // d
                break;
            case KeyKind.Ed25519:
            {
                blob.WriteString(reader.ReadString());
                if (reader.ReadString().Length != 64)
                {
                    throw new KeyFormatException("the Ed25519 secret key is not 64 bytes");
                }

                break;
            }

            case KeyKind.EcdsaSk:
                blob.WriteString(reader.ReadString()).WriteString(reader.ReadString()).WriteString(reader.ReadString());
                SkipSecurityKeyFields(ref reader);
                break;
            default:
                blob.WriteString(reader.ReadString()).WriteString(reader.ReadString());
                SkipSecurityKeyFields(ref reader);
                break;
        }

        return blob.ToArray();
    }

    /// <summary>A FIDO key's private part (PROTOCOL.u2f): byte flags, string key handle, string reserved.</summary>
    private static void SkipSecurityKeyFields(ref SshWireReader reader)
    {
        reader.ReadByte();
        reader.ReadString();
        reader.ReadString();
    }

    /// <summary>
    /// The header: the armour must start the file and its END line must end with a newline; the base64 between them
    /// (only CR and LF removed, as OpenSSH does) decoded by b64_pton's rules; magic, cipher, KDF, KDF options, exactly
    /// one key, and that key. <paramref name="rest"/> is what follows the public key.
    /// </summary>
    private static SshPublicKey? Header(byte[] content, out string cipher, out string kdf, out byte[] rest)
    {
        cipher = kdf = "";
        rest = [];
        var text = content.AsSpan();
        if (text.Length < BeginMark.Length + EndMark.Length || !text.StartsWith(BeginMark))
        {
            return null;
        }

        var encoded = new List<byte>(text.Length);
        int position = BeginMark.Length;
        bool ended = false;
        while (position < text.Length)
        {
            byte c = text[position++];
            if (c is not ((byte)'\n' or (byte)'\r'))
            {
                encoded.Add(c);
            }

            if (c == '\n' && text[position..].StartsWith(EndMark))
            {
                ended = true;
                break;
            }
        }

        byte[]? decoded = ended ? OpenSshBase64.Decode([.. encoded]) : null;
        if (decoded is null || !decoded.AsSpan().StartsWith(Magic))
        {
            return null;
        }

        try
        {
            var reader = new SshWireReader(decoded.AsSpan(Magic.Length));
            cipher = reader.ReadCString();
            kdf = reader.ReadCString();
            reader.ReadString(); // KDF options
            if (reader.ReadUInt32() != 1)
            {
                return null;
            }

            var key = new SshPublicKey(reader.ReadString().ToArray(), "");
            rest = reader.Rest.ToArray();
            return key;
        }
        catch (KeyFormatException)
        {
            return null;
        }
    }
}
