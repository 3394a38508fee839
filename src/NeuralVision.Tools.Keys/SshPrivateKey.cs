using System.Numerics;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;

namespace NeuralVision.Tools.Keys;

/// <summary>A private key of a type nvt can generate and write: its public blob and its openssh-key-v1 fields.</summary>
public abstract class SshPrivateKey
{
    /// <summary>The SSH key type name, e.g. "ssh-rsa".</summary>
    public abstract string TypeName { get; }

    public abstract byte[] PublicBlob();

    public SshPublicKey PublicKey(string comment) => new(PublicBlob(), comment);

    /// <summary>The fields that follow the type name in the private section (OpenSSH's sshkey_private_serialize order).</summary>
    internal abstract void WritePrivateFields(SshWireWriter writer);
}

/// <summary>An RSA key as OpenSSH stores it; every number unsigned big-endian.</summary>
public sealed class RsaPrivateKey : SshPrivateKey
{
    public const int MinimumBits = 2048;
    public const int MaximumBits = 16384;
    public const int DefaultBits = 3072;

    public RsaPrivateKey(byte[] n, byte[] e, byte[] d, byte[] iqmp, byte[] p, byte[] q)
    {
        N = n;
        E = e;
        D = d;
        Iqmp = iqmp;
        P = p;
        Q = q;
    }

    public override string TypeName => "ssh-rsa";

    public byte[] N { get; }

    public byte[] E { get; }

    public byte[] D { get; }

    /// <summary>q⁻¹ mod p, which .NET calls InverseQ.</summary>
    public byte[] Iqmp { get; }

    public byte[] P { get; }

    public byte[] Q { get; }

    /// <summary>A new key from the BCL (OpenSSL underneath on Linux), exponent 65537 as ssh-keygen uses.</summary>
    public static RsaPrivateKey Generate(int bits)
    {
        using var rsa = RSA.Create(bits);
        var parameters = rsa.ExportParameters(includePrivateParameters: true);
        var key = new RsaPrivateKey(parameters.Modulus!, parameters.Exponent!, parameters.D!, parameters.InverseQ!, parameters.P!, parameters.Q!);
        CryptographicOperations.ZeroMemory(parameters.DP);
        CryptographicOperations.ZeroMemory(parameters.DQ);
        return key;
    }

    // The public blob puts e before n; the private section (below) puts n first.
    public override byte[] PublicBlob() => new SshWireWriter().WriteString(TypeName).WriteMpint(E).WriteMpint(N).ToArray();

    internal override void WritePrivateFields(SshWireWriter writer) =>
        writer.WriteMpint(N).WriteMpint(E).WriteMpint(D).WriteMpint(Iqmp).WriteMpint(P).WriteMpint(Q);

    /// <summary>The modulus size in bits, as ssh-keygen shows it (BN_num_bits).</summary>
    public static int BitLength(ReadOnlySpan<byte> unsignedBigEndian) =>
        (int)new BigInteger(unsignedBigEndian, isUnsigned: true, isBigEndian: true).GetBitLength();
}

/// <summary>An Ed25519 key: the 32-byte seed and the 32-byte public key derived from it.</summary>
public sealed class Ed25519PrivateKey : SshPrivateKey
{
    public const int Size = 32;

    public Ed25519PrivateKey(byte[] seed, byte[] publicKey)
    {
        if (seed.Length != Size || publicKey.Length != Size)
        {
            throw new ArgumentException("an Ed25519 seed and public key are 32 bytes each");
        }

        Seed = seed;
        PublicKeyBytes = publicKey;
    }

    public override string TypeName => "ssh-ed25519";

    public byte[] Seed { get; }

    public byte[] PublicKeyBytes { get; }

    /// <summary>A new key: a random seed from the BCL, the public point from BouncyCastle (the BCL has no Ed25519).</summary>
    public static Ed25519PrivateKey Generate() => FromSeed(RandomNumberGenerator.GetBytes(Size));

    public static Ed25519PrivateKey FromSeed(byte[] seed)
    {
        var parameters = new Ed25519PrivateKeyParameters(seed, 0);
        return new Ed25519PrivateKey(seed, parameters.GeneratePublicKey().GetEncoded());
    }

    public override byte[] PublicBlob() => new SshWireWriter().WriteString(TypeName).WriteString(PublicKeyBytes).ToArray();

    // OpenSSH stores the "secret key" as seed followed by the public key (the ref10/NaCl layout).
    internal override void WritePrivateFields(SshWireWriter writer) =>
        writer.WriteString(PublicKeyBytes).WriteString([.. Seed, .. PublicKeyBytes]);
}
