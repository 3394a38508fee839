using System.Text;
using NeuralVision.Tools.Keys;

namespace NeuralVision.Tools.Tests.Keys;

public sealed class BcryptPbkdfTests
{
    // OpenBSD's published vectors (also used by RustCrypto's bcrypt-pbkdf); "\0" marks a NUL byte in the inputs.
    [Theory]
    [InlineData("password", "salt", 4, "5bbf0cc293587f1c3635555c27796598d47e579071bf427e9d8fbe842aba34d9")]
    [InlineData("password", "\0", 4, "c12b566235eee04c212598970a579a67")]
    [InlineData("\0", "salt", 4, "6051be18c2f4f82cbf0efee5471b4bb9")]
    [InlineData("password\0", "salt\0", 4, "7410e44cf4fa07bfaac8a928b1727fac001375e7bf7384370f48efd121743050")]
    [InlineData("password", "salt", 42, "833cf0dcf56db65608e8f0dc0ce882bd")]
    [InlineData("password", "salt", 8, "e1367ec5151a33faac4cc1c144cd23fa15d5548493ecc99b9b5d9c0d3b27bec76227ea66088b849b20ab7aa478010246e74bba51723fefa9f9474d6508845e8d")]
    public void DeriveKey_PublishedVector_MatchesOpenBsd(string password, string salt, int rounds, string expectedHex)
    {
        byte[] key = BcryptPbkdf.DeriveKey(Encoding.ASCII.GetBytes(password), Encoding.ASCII.GetBytes(salt), rounds, expectedHex.Length / 2);

        Assert.Equal(expectedHex, Convert.ToHexStringLower(key));
    }

    [Fact]
    public void DeriveKey_ZeroRounds_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BcryptPbkdf.DeriveKey("p"u8, "s"u8, 0, 16));
    }
}
