using NeuralVision.Tools.Keys;

namespace NeuralVision.Tools.Tests.Keys;

public sealed class AesCtrTests
{
    private const string Key = "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4";

    // NIST SP 800-38A, F.5.5 CTR-AES256.Encrypt.
    [Fact]
    public void Transform_NistVector_MatchesCiphertext()
    {
        byte[] output = AesCtr.Transform(
            Convert.FromHexString(Key),
            Convert.FromHexString("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"),
            Convert.FromHexString("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710"));

        Assert.Equal("601ec313775789a5b7a7f504bbf3d228f443e3ca4d62b59aca84e990cacaf5c52b0930daa23de94ce87017ba2d84988ddfc9c58db67aada613c2dd08457941a6", Convert.ToHexStringLower(output));
    }

    // The 128-bit counter wraps from all ones to zero, as OpenSSL's does (expected bytes from `openssl enc -aes-256-ctr`);
    // 40 bytes also covers a partial last block.
    [Fact]
    public void Transform_CounterWrapsAround_MatchesOpenSsl()
    {
        byte[] output = AesCtr.Transform(Convert.FromHexString(Key), Convert.FromHexString("ffffffffffffffffffffffffffffffff"), new byte[40]);

        Assert.Equal("3b3c2921c85a24de9ac606ce6d1d60cce568f68194cf76d6174d4cc04310a85491151e5d0b7a1f1b", Convert.ToHexStringLower(output));
    }
}
