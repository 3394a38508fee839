using System.Buffers.Binary;
using System.Security.Cryptography;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace NeuralVision.Tools.Keys;

/// <summary>
/// Checks the CA's signature on a certificate, as OpenSSH's cert_parse does before it accepts one (sshkey_verify):
/// RSA (ssh-rsa, rsa-sha2-256, rsa-sha2-512), DSA, ECDSA, Ed25519 and the two FIDO kinds, whose signed message is
/// SHA-256(application) ‖ flags ‖ counter ‖ SHA-256(data).
/// </summary>
internal static class CertificateSignature
{
    /// <exception cref="KeyFormatException">The CA key is not a plain key, or the signature does not verify.</exception>
    public static void Verify(byte[] caKeyBlob, byte[] signature, ReadOnlySpan<byte> signedData)
    {
        PublicKeyBlob ca;
        try
        {
            ca = PublicKeyBlob.Parse(caKeyBlob);
        }
        catch (KeyFormatException e)
        {
            throw new KeyFormatException($"the certificate's CA key is invalid ({e.Message})", e);
        }

        if (ca.Type.IsCertificate)
        {
            throw new KeyFormatException("the certificate's CA key is itself a certificate");
        }

        if (!Verifies(ca, signature, signedData))
        {
            throw new KeyFormatException("the certificate's CA signature does not verify");
        }
    }

    private static bool Verifies(PublicKeyBlob ca, byte[] signature, ReadOnlySpan<byte> data)
    {
        try
        {
            var reader = new SshWireReader(signature);
            string algorithm = reader.ReadCString();
            var blob = reader.ReadString();
            var key = new SshWireReader(ca.PlainBlob);
            key.ReadString();
            bool valid;
            switch (ca.Type.Kind)
            {
                case KeyKind.Rsa:
                    valid = VerifyRsa(algorithm, key.ReadString(), key.ReadString(), blob, data);
                    break;
                case KeyKind.Dsa:
                    valid = algorithm == "ssh-dss" && VerifyDsa(ref key, blob, data);
                    break;
                case KeyKind.Ecdsa:
                {
                    string curve = key.ReadCString();
                    valid = algorithm == ca.TypeName && VerifyEcdsa(curve, key.ReadString(), blob, data);
                    break;
                }

                case KeyKind.Ed25519:
                    valid = algorithm == "ssh-ed25519" && blob.Length == Ed25519.SignatureSize
                        && Ed25519.Verify(blob.ToArray(), 0, key.ReadString().ToArray(), 0, data.ToArray(), 0, data.Length);
                    break;
                default:
                    valid = VerifySecurityKey(ca, algorithm, blob, ref reader, ref key, data);
                    break;
            }

            return valid && reader.Remaining == 0;
        }
        catch (Exception e) when (e is KeyFormatException or CryptographicException or ArgumentException)
        {
            return false;
        }
    }

    private static bool VerifyRsa(string algorithm, ReadOnlySpan<byte> e, ReadOnlySpan<byte> n, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> data)
    {
        var hash = algorithm switch
        {
            "ssh-rsa" => HashAlgorithmName.SHA1,
            "rsa-sha2-256" => HashAlgorithmName.SHA256,
            "rsa-sha2-512" => HashAlgorithmName.SHA512,
            _ => default,
        };
        var modulus = Unsigned(n);
        if (hash == default || signature.Length > modulus.Length)
        {
            return false;
        }

        using var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters { Modulus = modulus, Exponent = Unsigned(e) });
        byte[] padded = new byte[modulus.Length];
        signature.CopyTo(padded.AsSpan(modulus.Length - signature.Length));
        return rsa.VerifyData(data, padded, hash, RSASignaturePadding.Pkcs1);
    }

    private static bool VerifyDsa(ref SshWireReader key, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> data)
    {
        var parameters = new DSAParameters
        {
            P = Unsigned(key.ReadString()),
            Q = Unsigned(key.ReadString()),
            G = Unsigned(key.ReadString()),
            Y = Unsigned(key.ReadString()),
        };
        if (signature.Length != 40)
        {
            return false;
        }

        using var dsa = DSA.Create();
        dsa.ImportParameters(parameters);
        return dsa.VerifyData(data, signature, HashAlgorithmName.SHA1, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    private static bool VerifyEcdsa(string curveName, ReadOnlySpan<byte> point, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> data)
    {
        var curve = EllipticCurve.FromName(curveName)!;
        var reader = new SshWireReader(signature);
        var r = reader.ReadBignum();
        var s = reader.ReadBignum();
        int size = curve.CoordinateSize;
        if (reader.Remaining != 0 || r.Length > size || s.Length > size)
        {
            return false;
        }

        byte[] fixedSignature = new byte[2 * size];
        r.CopyTo(fixedSignature.AsSpan(size - r.Length, r.Length));
        s.CopyTo(fixedSignature.AsSpan((2 * size) - s.Length, s.Length));
        using var ecdsa = ECDsa.Create(new ECParameters
        {
            Curve = curve.Bits switch { 256 => ECCurve.NamedCurves.nistP256, 384 => ECCurve.NamedCurves.nistP384, _ => ECCurve.NamedCurves.nistP521 },
            Q = new ECPoint { X = point.Slice(1, size).ToArray(), Y = point.Slice(1 + size, size).ToArray() },
        });
        var hash = curve.Bits switch { 256 => HashAlgorithmName.SHA256, 384 => HashAlgorithmName.SHA384, _ => HashAlgorithmName.SHA512 };
        return ecdsa.VerifyData(data, fixedSignature, hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    /// <summary>FIDO signatures (PROTOCOL.u2f): the device signed SHA-256(application) ‖ flags ‖ counter ‖ SHA-256(data).</summary>
    private static bool VerifySecurityKey(PublicKeyBlob ca, string algorithm, ReadOnlySpan<byte> blob, ref SshWireReader signature, ref SshWireReader key, ReadOnlySpan<byte> data)
    {
        if (algorithm != ca.TypeName)
        {
            return false;
        }

        byte flags = signature.ReadByte();
        uint counter = signature.ReadUInt32();
        bool ecdsa = ca.Type.Kind == KeyKind.EcdsaSk;
        string curve = ecdsa ? key.ReadCString() : "";
        var publicKey = key.ReadString();
        var application = key.ReadString();
        byte[] message = new byte[32 + 1 + 4 + 32];
        SHA256.HashData(application, message.AsSpan(0, 32));
        message[32] = flags;
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(33, 4), counter);
        SHA256.HashData(data, message.AsSpan(37, 32));
        return ecdsa
            ? VerifyEcdsa(curve, publicKey, blob, message)
            : blob.Length == Ed25519.SignatureSize && Ed25519.Verify(blob.ToArray(), 0, publicKey.ToArray(), 0, message, 0, message.Length);
    }

    private static byte[] Unsigned(ReadOnlySpan<byte> mpint) => mpint.TrimStart((byte)0).ToArray();
}
