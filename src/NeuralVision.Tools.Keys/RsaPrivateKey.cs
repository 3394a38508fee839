using System.Numerics;
using System.Security.Cryptography;

namespace NeuralVision.Tools.Keys;

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
