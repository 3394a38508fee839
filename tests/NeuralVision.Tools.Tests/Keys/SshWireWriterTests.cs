using NeuralVision.Tools.Keys;

namespace NeuralVision.Tools.Tests.Keys;

public sealed class SshWireWriterTests
{
    // RFC 4251 section 5 examples (positive ones), plus leading zero bytes that must be dropped.
    [Theory]
    [InlineData("", "00000000")]
    [InlineData("00", "00000000")]
    [InlineData("09a378f9b2e332a7", "0000000809a378f9b2e332a7")]
    [InlineData("80", "000000020080")]
    [InlineData("0000ff", "0000000200ff")]
    [InlineData("00007f", "000000017f")]
    public void WriteMpint_EncodesAsOpenSsh(string valueHex, string expectedHex)
    {
        byte[] encoded = new SshWireWriter().WriteMpint(Convert.FromHexString(valueHex)).ToArray();

        Assert.Equal(expectedHex, Convert.ToHexStringLower(encoded));
    }

    [Fact]
    public void ReadMpint_RoundTripsWriteMpint()
    {
        byte[] encoded = new SshWireWriter().WriteMpint([0x00, 0x80, 0x01]).WriteString("x").ToArray();
        var reader = new SshWireReader(encoded);

        Assert.Equal("8001", Convert.ToHexStringLower(reader.ReadMpint()));
        Assert.Equal("x", reader.ReadText());
        Assert.Equal(0, reader.Remaining);
    }

    [Fact]
    public void ReadString_LengthBeyondData_ThrowsKeyFormatException()
    {
        byte[] data = [0, 0, 0, 9, 1, 2];

        Assert.Throws<KeyFormatException>(() => new SshWireReader(data).ReadString().ToArray());
    }
}
