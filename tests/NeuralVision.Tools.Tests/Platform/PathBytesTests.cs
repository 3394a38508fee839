using System.Text;
using NeuralVision.Tools.Platform.Files;

namespace NeuralVision.Tools.Tests.Platform;

public class PathBytesTests
{
    public static TheoryData<byte[]> Names => new()
    {
        "/plain/ascii"u8.ToArray(),
        Encoding.UTF8.GetBytes("/ünï/日本/😀"),
        new byte[] { (byte)'/', 0xFF, 0xFE, (byte)'x' },
        new byte[] { (byte)'/', 0xED, 0xB2, 0x80 }, // an encoded surrogate is not UTF-8: escaped, not decoded
        new byte[] { (byte)'/', 0xE6, 0x97 }, // a character cut short
        "/new\nline\ttab|pipe"u8.ToArray(),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void ToTextThenToBytes_GivesTheSameBytes(byte[] name)
    {
        Assert.Equal(name, PathBytes.ToBytes(PathBytes.ToText(name)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void PathEncoding_WritesTheExactBytes_AcrossBufferBoundaries(byte[] name)
    {
        string text = PathBytes.ToText(name);
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new PathEncoding(), bufferSize: 1, leaveOpen: true))
        {
            writer.Write(text);
        }

        Assert.Equal(name, buffer.ToArray());
    }

    [Fact]
    public void ValidText_HasNoEscapedBytes()
    {
        Assert.False(PathBytes.HasEscapedBytes("/ünï/日本"));
        Assert.True(PathBytes.HasEscapedBytes(PathBytes.ToText([(byte)'/', 0xFF])));
    }
}
