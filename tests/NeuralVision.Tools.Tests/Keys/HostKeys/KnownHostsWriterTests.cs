using NeuralVision.Tools.Keys.HostKeys;
using static NeuralVision.Tools.Tests.Keys.HostKeys.KnownHostsTestKeys;

namespace NeuralVision.Tools.Tests.Keys.HostKeys;

public sealed class KnownHostsWriterTests : IDisposable
{
    private const UnixFileMode Mode0700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode Mode0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The salt 01 02 … 14 (hex); the expected hashes were computed with Python's hmac module.</summary>
    private static readonly KnownHostsWriter FixedSalt = new(count => [.. Enumerable.Range(1, count).Select(i => (byte)i)]);

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("example.com", "|1|AQIDBAUGBwgJCgsMDQ4PEBESExQ=|qvtG0DaqrsqPDhV2Ni+wmYohchA=")]
    [InlineData("Example.COM", "|1|AQIDBAUGBwgJCgsMDQ4PEBESExQ=|qvtG0DaqrsqPDhV2Ni+wmYohchA=")]
    [InlineData("[127.0.0.1]:2222", "|1|AQIDBAUGBwgJCgsMDQ4PEBESExQ=|6nwC5rG6k7vxYwKIoAwPZGhI1VE=")]
    public void FormatLine_Hashed_IsHmacSha1OfTheLowerCaseNameWithTheSalt(string name, string expectedName)
    {
        Assert.Equal($"{expectedName} {Field(Ed25519(1))}", FixedSalt.FormatLine(name, Ed25519(1), hash: true));
    }

    [Fact]
    public void FormatLine_Plain_IsLowerCaseNameTypeAndKey()
    {
        Assert.Equal($"[puffin]:2222 {Field(Rsa(1))}", new KnownHostsWriter().FormatLine("[Puffin]:2222", Rsa(1), hash: false));
    }

    [Fact]
    public void FormatLine_Hashed_UsesAFreshSaltEachTime()
    {
        var writer = new KnownHostsWriter();

        Assert.NotEqual(writer.FormatLine("puffin", Ed25519(1), hash: true), writer.FormatLine("puffin", Ed25519(1), hash: true));
    }

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("tab\there")]
    [InlineData("a,b")]
    [InlineData("*.example.com")]
    [InlineData("web?")]
    [InlineData("!negated")]
    [InlineData("|1|looks|hashed")]
    [InlineData("@revoked")]
    [InlineData("#comment")]
    public void FormatLine_NameThatWouldNotReadBack_IsRefused(string name)
    {
        Assert.Throws<ArgumentException>(() => new KnownHostsWriter().FormatLine(name, Ed25519(1), hash: false));
    }

    [Fact]
    public void Append_MissingDirectoryAndFile_AreCreated0700And0600()
    {
        string ssh = Path.Combine(temp.Path, "home", ".ssh");
        string path = Path.Combine(ssh, "known_hosts");

        string line = new KnownHostsWriter().Append(path, "puffin", Ed25519(1), hash: false);

        Assert.Equal($"puffin {Field(Ed25519(1))}", line);
        Assert.Equal(line + "\n", File.ReadAllText(path));
        Assert.Equal(Mode0700, File.GetUnixFileMode(ssh));
        Assert.Equal(Mode0600, File.GetUnixFileMode(path));
    }

    [Fact]
    public void Append_FileWithoutFinalNewline_GetsOneBeforeTheNewLine()
    {
        string path = Path.Combine(temp.Path, "known_hosts");
        string existing = $"# hand edited\r\nalpha {Field(Ed25519(2))} last line without newline";
        File.WriteAllText(path, existing);

        string line = new KnownHostsWriter().Append(path, "puffin", Ed25519(1), hash: false);

        Assert.Equal($"{existing}\n{line}\n", File.ReadAllText(path));
        Assert.Equal(KnownHostStatus.Known, KnownHosts.Check([path], "alpha", 22, Ed25519(2)).Status);
        var result = KnownHosts.Check([path], "puffin", 22, Ed25519(1));
        Assert.Equal($"{path}:3", result.Entry!.Location);
    }

    [Fact]
    public void Append_ExistingFile_KeepsContentAndMode()
    {
        string path = Path.Combine(temp.Path, "known_hosts");
        string existing = $"alpha {Field(Ed25519(2))}\n";
        File.WriteAllText(path, existing);
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        File.SetUnixFileMode(path, mode);
        var writer = new KnownHostsWriter();

        string first = writer.Append(path, "[puffin]:2222", Ed25519(1), hash: true);
        string second = writer.Append(path, "puffin", Ed25519(1), hash: false);

        Assert.Equal($"{existing}{first}\n{second}\n", File.ReadAllText(path));
        Assert.Equal(mode, File.GetUnixFileMode(path));
        Assert.Equal($"{path}:2", KnownHosts.Check([path], "puffin", 2222, Ed25519(1)).Entry!.Location);
    }

    [Fact]
    public void Append_EmptyFile_AddsNoBlankLine()
    {
        string path = Path.Combine(temp.Path, "known_hosts");
        File.WriteAllText(path, "");

        string line = new KnownHostsWriter().Append(path, "puffin", Ed25519(1), hash: false);

        Assert.Equal(line + "\n", File.ReadAllText(path));
    }
}
