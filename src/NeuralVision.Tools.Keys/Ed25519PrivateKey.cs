using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;

namespace NeuralVision.Tools.Keys;

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
