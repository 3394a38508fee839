using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace NeuralVision.Tools.Keys;

/// <summary>
/// The public half of an unencrypted PEM or PKCS#8 private key, as OpenSSH loads one through OpenSSL
/// (sshkey_parse_private_pem_fileblob): the first PEM block labelled as a private key, RSA (1024 to 16384 bits),
/// ECDSA on nistp256/384/521, or DSA. Encrypted blocks give nothing without their passphrase, and Ed25519 in PKCS#8
/// is not read, as OpenSSH 9.2 reads neither.
/// </summary>
internal static class PemKeyFile
{
    private const string RsaOid = "1.2.840.113549.1.1.1";
    private const string EcOid = "1.2.840.10045.2.1";
    private const string DsaOid = "1.2.840.10040.4.1";


    /// <summary>The key; null when there is no unencrypted private key OpenSSH would read.</summary>
    public static SshPublicKey? PublicKey(byte[] content)
    {
        string text = Encoding.Latin1.GetString(content);
        int searchFrom = 0;
        while (PemEncoding.TryFind(text.AsSpan(searchFrom), out var fields))
        {
            string label = text.AsSpan(searchFrom)[fields.Label].ToString();
            string body = text.AsSpan(searchFrom)[fields.Base64Data].ToString();
            searchFrom += fields.Location.End.Value;
            if (label is not ("RSA PRIVATE KEY" or "DSA PRIVATE KEY" or "EC PRIVATE KEY" or "PRIVATE KEY" or "ENCRYPTED PRIVATE KEY"))
            {
                continue; // OpenSSL skips other blocks (EC PARAMETERS, CERTIFICATE) looking for a private key.
            }

            if (label == "ENCRYPTED PRIVATE KEY")
            {
                return null;
            }

            try
            {
                byte[] der = Convert.FromBase64String(body);
                return new SshPublicKey(Blob(label, der), "");
            }
            catch (Exception e) when (e is FormatException or CryptographicException or AsnContentException or KeyFormatException)
            {
                return null;
            }
        }

        // PemEncoding does not take RFC 1421 headers ("Proc-Type: 4,ENCRYPTED"): such a block is an encrypted key.
        return null;
    }

    private static byte[] Blob(string label, byte[] der) => label switch
    {
        "RSA PRIVATE KEY" => RsaBlob(der, pkcs8: false),
        "EC PRIVATE KEY" => EcBlob(der, pkcs8: false),
        "DSA PRIVATE KEY" => DsaBlob(der),
        _ => AlgorithmOf(der) switch
        {
            RsaOid => RsaBlob(der, pkcs8: true),
            EcOid => EcBlob(der, pkcs8: true),
            DsaOid => DsaPkcs8Blob(der),
            _ => throw new KeyFormatException("a PKCS#8 key of a type OpenSSH does not read"),
        },
    };

    private static string AlgorithmOf(byte[] der)
    {
        var info = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
        info.ReadInteger();
        return info.ReadSequence().ReadObjectIdentifier();
    }

    private static byte[] RsaBlob(byte[] der, bool pkcs8)
    {
        using var rsa = RSA.Create();
        Import(rsa, der, pkcs8, () => rsa.ImportRSAPrivateKey(der, out _));
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        return new SshWireWriter().WriteString("ssh-rsa").WriteMpint(parameters.Exponent).WriteMpint(parameters.Modulus).ToArray();
    }

    private static byte[] EcBlob(byte[] der, bool pkcs8)
    {
        using var ecdsa = ECDsa.Create();
        Import(ecdsa, der, pkcs8, () => ecdsa.ImportECPrivateKey(der, out _));
        var parameters = ecdsa.ExportParameters(includePrivateParameters: false);
        string curve = parameters.Curve.Oid?.Value switch
        {
            "1.2.840.10045.3.1.7" => "nistp256",
            "1.3.132.0.34" => "nistp384",
            "1.3.132.0.35" => "nistp521",
            _ => throw new KeyFormatException("an EC key on a curve OpenSSH does not use"),
        };
        byte[] point = [4, .. parameters.Q.X!, .. parameters.Q.Y!];
        return new SshWireWriter().WriteString("ecdsa-sha2-" + curve).WriteString(curve).WriteString(point).ToArray();
    }

    /// <summary>PKCS#8, or the algorithm's own (traditional OpenSSL) encoding.</summary>
    private static void Import(AsymmetricAlgorithm key, byte[] der, bool pkcs8, Action traditional)
    {
        if (pkcs8)
        {
            key.ImportPkcs8PrivateKey(der, out _);
        }
        else
        {
            traditional();
        }
    }

    /// <summary>OpenSSL's traditional DSA key: SEQUENCE { 0, p, q, g, y, x }.</summary>
    private static byte[] DsaBlob(byte[] der)
    {
        var sequence = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
        sequence.ReadInteger();
        var p = sequence.ReadInteger();
        var q = sequence.ReadInteger();
        var g = sequence.ReadInteger();
        var y = sequence.ReadInteger();
        return DsaPublicBlob(p, q, g, y);
    }

    /// <summary>PKCS#8 DSA: the parameters (p, q, g) in the algorithm identifier, x in the key; y = g^x mod p.</summary>
    private static byte[] DsaPkcs8Blob(byte[] der)
    {
        var info = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
        info.ReadInteger();
        var algorithm = info.ReadSequence();
        algorithm.ReadObjectIdentifier();
        var parameters = algorithm.ReadSequence();
        var p = parameters.ReadInteger();
        var q = parameters.ReadInteger();
        var g = parameters.ReadInteger();
        var x = new AsnReader(info.ReadOctetString(), AsnEncodingRules.BER).ReadInteger();
        return DsaPublicBlob(p, q, g, BigInteger.ModPow(g, x, p));
    }

    private static byte[] DsaPublicBlob(BigInteger p, BigInteger q, BigInteger g, BigInteger y)
    {
        static byte[] Bytes(BigInteger value) => value.Sign < 0
            ? throw new KeyFormatException("a negative DSA parameter")
            : value.ToByteArray(isUnsigned: true, isBigEndian: true);
        return new SshWireWriter().WriteString("ssh-dss").WriteMpint(Bytes(p)).WriteMpint(Bytes(q)).WriteMpint(Bytes(g)).WriteMpint(Bytes(y)).ToArray();
    }
}
