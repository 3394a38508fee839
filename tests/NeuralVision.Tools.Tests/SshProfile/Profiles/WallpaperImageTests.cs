using NeuralVision.Tools.Platform;
using NeuralVision.Tools.SshProfile.Profiles;

namespace NeuralVision.Tools.Tests.SshProfile.Profiles;

public sealed class WallpaperImageTests : IDisposable
{
    private readonly TempDirectory temp = new();

    /// <summary>A 1×1 PNG (what ImageMagick writes for `convert xc:red png:-`).</summary>
    public static byte[] TinyPng { get; } = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC");

    [Fact]
    public void Check_Png_ReturnsTheAbsolutePath()
    {
        string path = Write("wall.png", TinyPng);

        Assert.Equal(path, WallpaperImage.Check("wall.png", temp.Path));
    }

    [Theory]
    [InlineData(new byte[] { 0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0xff, 0xd9 })]
    [InlineData(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a', 1, 0, 1, 0, 0x3b })]
    [InlineData(new byte[] { (byte)'B', (byte)'M', 0, 0, 0, 0 })]
    public void Check_OtherFormatsQtReads_AreAccepted(byte[] content)
    {
        string path = Write("wall", content);

        Assert.Equal(path, WallpaperImage.Check(path, "/"));
    }

    [Fact]
    public void Check_TruncatedPng_IsRefused()
    {
        string path = Write("cut.png", TinyPng[..40]);

        var error = Assert.Throws<NvtException>(() => WallpaperImage.Check(path, "/"));
        Assert.Equal($"the image {path} is a PNG that is cut short (no IEND)", error.Message);
    }

    [Theory]
    [InlineData("text.png", "hello\n", "is not a PNG, JPEG, GIF or BMP image")]
    [InlineData("empty.png", "", "is empty")]
    public void Check_NotAnImage_IsRefused(string name, string content, string why)
    {
        string path = Write(name, System.Text.Encoding.UTF8.GetBytes(content));

        var error = Assert.Throws<NvtException>(() => WallpaperImage.Check(path, "/"));
        Assert.Equal($"the image {path} {why}", error.Message);
    }

    [Fact]
    public void Check_MissingFileOrDirectory_NamesIt()
    {
        string missing = Path.Combine(temp.Path, "nope.png");

        Assert.StartsWith($"cannot read the image {missing}: ", Assert.Throws<NvtException>(() => WallpaperImage.Check(missing, "/")).Message, StringComparison.Ordinal);
        Assert.Equal($"the image {temp.Path} is a directory", Assert.Throws<NvtException>(() => WallpaperImage.Check(temp.Path, "/")).Message);
    }

    public void Dispose() => temp.Dispose();

    private string Write(string name, byte[] content)
    {
        string path = Path.Combine(temp.Path, name);
        File.WriteAllBytes(path, content);
        return path;
    }
}
