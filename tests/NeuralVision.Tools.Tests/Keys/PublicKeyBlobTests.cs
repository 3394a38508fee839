using NeuralVision.Tools.Keys;

namespace NeuralVision.Tools.Tests.Keys;

/// <summary>OpenSSH's checks of a key blob (sshkey_from_blob); the corpus test judges many more cases with ssh-keygen.</summary>
public sealed class PublicKeyBlobTests
{
    [Theory]
    [InlineData(1023, false)]
    [InlineData(1024, true)]
    [InlineData(16384, true)]
    [InlineData(16392, false)]
    public void Rsa_ModulusSize_OpenSshsLimits(int bits, bool accepted)
    {
        byte[] modulus = new byte[(bits + 7) / 8];
        modulus[0] = (byte)(1 << ((bits - 1) % 8));
        modulus[^1] = 1;
        byte[] blob = new SshWireWriter().WriteString("ssh-rsa").WriteMpint([1, 0, 1]).WriteMpint(modulus).ToArray();

        if (accepted)
        {
            Assert.Equal(bits, PublicKeyBlob.Parse(blob).Bits);
        }
        else
        {
            Assert.Throws<KeyFormatException>(() => PublicKeyBlob.Parse(blob));
        }
    }

    [Fact]
    public void Rsa_NeedlessLeadingZero_IsAcceptedAndFingerprintedCanonically()
    {
        var key = SshPublicKey.ParseLine(KeyFixtures.Rsa2048PemPublicKey)!;
        var reader = new SshWireReader(key.Blob);
        reader.ReadString();
        byte[] e = reader.ReadString().ToArray();
        byte[] n = reader.ReadString().ToArray();
        byte[] padded = new SshWireWriter().WriteString("ssh-rsa").WriteString([0, .. e]).WriteString(n).ToArray();

        Assert.Equal(key.Fingerprint, new SshPublicKey(padded, "").Fingerprint);
    }

    [Theory]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(0)]
    public void Ed25519_NotThirtyTwoBytes_IsRefused(int size) =>
        Assert.Throws<KeyFormatException>(() => PublicKeyBlob.Parse(new SshWireWriter().WriteString("ssh-ed25519").WriteString(new byte[size]).ToArray()));

    [Fact]
    public void TrailingBytes_AreRefused()
    {
        byte[] blob = SshPublicKey.ParseLine(KeyFixtures.Ed25519PlainPublicKey)!.Blob;

        Assert.Throws<KeyFormatException>(() => PublicKeyBlob.Parse([.. blob, 0]));
    }

    [Fact]
    public void Ecdsa_APointOffTheCurve_IsRefused()
    {
        byte[] point = new byte[65];
        point[0] = 4;
        point[32] = 1;
        point[64] = 1;
        byte[] blob = new SshWireWriter().WriteString("ecdsa-sha2-nistp256").WriteString("nistp256").WriteString(point).ToArray();

        Assert.Equal("the ECDSA public point is not on the curve", Assert.Throws<KeyFormatException>(() => PublicKeyBlob.Parse(blob)).Message);
    }

    [Theory]
    [InlineData("nistp256")]
    [InlineData("nistp384")]
    [InlineData("nistp521")]
    public void EllipticCurve_Constants_AreTheSystemsOwn(string name)
    {
        var curve = EllipticCurve.FromName(name)!;
        using var ecdsa = System.Security.Cryptography.ECDsa.Create(name switch
        {
            "nistp256" => System.Security.Cryptography.ECCurve.NamedCurves.nistP256,
            "nistp384" => System.Security.Cryptography.ECCurve.NamedCurves.nistP384,
            _ => System.Security.Cryptography.ECCurve.NamedCurves.nistP521,
        });
        var explicitCurve = ecdsa.ExportExplicitParameters(false).Curve;
        var parameters = ecdsa.ExportParameters(false);

        Assert.Equal(curve.Prime, new System.Numerics.BigInteger(explicitCurve.Prime, isUnsigned: true, isBigEndian: true));
        Assert.Equal(curve.B, new System.Numerics.BigInteger(explicitCurve.B, isUnsigned: true, isBigEndian: true));
        Assert.Equal(curve.Order, new System.Numerics.BigInteger(explicitCurve.Order, isUnsigned: true, isBigEndian: true));
        curve.Validate([4, .. parameters.Q.X!, .. parameters.Q.Y!]);
    }
}
