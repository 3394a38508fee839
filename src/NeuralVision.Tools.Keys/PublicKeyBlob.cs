namespace NeuralVision.Tools.Keys;

/// <summary>
/// A public key blob read and checked as OpenSSH 9.2 reads one (sshkey_from_blob): every field of the type, no byte
/// left over, RSA moduli of 1024 to 16384 bits, 32-byte Ed25519 keys, ECDSA points on their curve, certificates whose
/// CA signature verifies. What the fingerprint is taken over is the plain key re-encoded canonically, as
/// sshkey_fingerprint does: a certificate's fingerprint is its key's, and an mpint written with a needless leading
/// zero is hashed without it.
/// </summary>
public sealed class PublicKeyBlob
{
    private const int MinimumRsaBits = 1024;
    private const int MaximumRsaBits = 16384;
    private const int Ed25519Size = 32;
    private const int MaxPrincipals = 256;

    private PublicKeyBlob(string typeName, KeyType type, int bits, byte[] plainBlob)
    {
        TypeName = typeName;
        Type = type;
        Bits = bits;
        PlainBlob = plainBlob;
    }

    /// <summary>The type name the blob starts with.</summary>
    public string TypeName { get; }

    public KeyType Type { get; }

    /// <summary>What ssh-keygen shows: the RSA modulus's or DSA p's bits, the curve's size, 256 for Ed25519.</summary>
    public int Bits { get; }

    /// <summary>The plain key, canonically encoded: what the fingerprint hashes.</summary>
    public byte[] PlainBlob { get; }

    /// <exception cref="KeyFormatException">The blob is not a key OpenSSH would read; the message says why.</exception>
    public static PublicKeyBlob Parse(ReadOnlySpan<byte> blob)
    {
        var reader = new SshWireReader(blob);
        string name = reader.ReadCString();
        var type = KeyType.FromName(name) ?? throw new KeyFormatException($"unknown key type {Shown(name)}");
        if (type.IsCertificate)
        {
            // The nonce comes first, before the key's own fields.
            reader.ReadString();
        }

        var plain = new SshWireWriter().WriteString(type.PlainName);
        int bits = ReadKeyFields(ref reader, type, plain);
        if (type.IsCertificate)
        {
            ReadCertificateFields(ref reader, out var caKey);
            // The CA signed everything before the signature field.
            int signedLength = blob.Length - reader.Remaining;
            byte[] signature = reader.ReadString().ToArray();
            CertificateSignature.Verify(caKey, signature, blob[..signedLength]);
        }

        if (reader.Remaining != 0)
        {
            throw new KeyFormatException("the key blob has bytes after its last field");
        }

        return new PublicKeyBlob(name, type, bits, plain.ToArray());
    }

    /// <summary>Reads the fields of the key (after the type name, and a certificate's nonce) and writes them canonically.</summary>
    private static int ReadKeyFields(ref SshWireReader reader, KeyType type, SshWireWriter plain)
    {
        switch (type.Kind)
        {
            case KeyKind.Rsa:
            {
                var e = reader.ReadBignum();
                var n = reader.ReadBignum();
                int bits = RsaPrivateKey.BitLength(n);
                if (bits < MinimumRsaBits || bits > MaximumRsaBits)
                {
                    throw new KeyFormatException($"an RSA key of {bits} bits (OpenSSH reads {MinimumRsaBits} to {MaximumRsaBits})");
                }

                plain.WriteMpint(e).WriteMpint(n);
                return bits;
            }

            case KeyKind.Dsa:
            {
                var p = reader.ReadBignum();
                var q = reader.ReadBignum();
                var g = reader.ReadBignum();
                var y = reader.ReadBignum();
                plain.WriteMpint(p).WriteMpint(q).WriteMpint(g).WriteMpint(y);
                return RsaPrivateKey.BitLength(p);
            }

            case KeyKind.Ecdsa or KeyKind.EcdsaSk:
            {
                string curveName = reader.ReadCString();
                if (curveName != type.Curve)
                {
                    throw new KeyFormatException($"the key's curve {Shown(curveName)} is not the {type.Curve} its type names");
                }

                var curve = EllipticCurve.FromName(curveName)!;
                var point = reader.ReadString();
                curve.Validate(point);
                plain.WriteString(curveName).WriteString(point);
                if (type.Kind == KeyKind.EcdsaSk)
                {
                    plain.WriteString(reader.ReadString()); // the application, e.g. "ssh:"
                }

                return curve.Bits;
            }

            default:
            {
                var key = reader.ReadString();
                if (key.Length != Ed25519Size)
                {
                    throw new KeyFormatException($"an Ed25519 key of {key.Length} bytes, not {Ed25519Size}");
                }

                plain.WriteString(key);
                if (type.Kind == KeyKind.Ed25519Sk)
                {
                    plain.WriteString(reader.ReadString());
                }

                return 256;
            }
        }
    }

    /// <summary>
    /// The certificate fields after the key up to the CA key (PROTOCOL.certkeys), checked as cert_parse checks them;
    /// the signature that follows is the caller's.
    /// </summary>
    private static void ReadCertificateFields(ref SshWireReader reader, out byte[] caKey)
    {
        reader.ReadUInt64(); // serial
        uint certificateType = reader.ReadUInt32();
        if (certificateType is not (1 or 2))
        {
            throw new KeyFormatException($"a certificate of unknown type {certificateType} (neither user nor host)");
        }

        reader.ReadCString(); // key id
        var principals = new SshWireReader(reader.ReadString());
        for (int count = 0; principals.Remaining > 0; count++)
        {
            if (count == MaxPrincipals)
            {
                throw new KeyFormatException($"a certificate with more than {MaxPrincipals} principals");
            }

            principals.ReadCString();
        }

        reader.ReadUInt64(); // valid after
        reader.ReadUInt64(); // valid before
        for (int section = 0; section < 2; section++)
        {
            // Critical options, then extensions: each a list of (string name, string data).
            var options = new SshWireReader(reader.ReadString());
            while (options.Remaining > 0)
            {
                options.ReadString();
                options.ReadString();
            }
        }

        reader.ReadString(); // reserved
        caKey = reader.ReadString().ToArray();
    }

    private static string Shown(string name) => name.Length > 64 ? name[..64] + "…" : name;
}
