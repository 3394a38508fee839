using NeuralVision.Tools.Keys.HostKeys;
using static NeuralVision.Tools.Tests.Keys.HostKeys.KnownHostsTestKeys;

namespace NeuralVision.Tools.Tests.Keys.HostKeys;

public class KnownHostsFileTests
{
    [Fact]
    public void Parse_CommentsBlankAndMalformedLines_AreSkippedAndLinesKeepTheirNumbers()
    {
        string good = Field(Ed25519(1));
        string text = string.Join('\n',
            "# known hosts",                                         // 1
            "",                                                      // 2
            $"alpha {good}",                                         // 3
            "beta",                                                  // 4: no key
            "gamma ssh-ed25519 !!!not-base64!!!",                    // 5
            $"delta ssh-rsa {Convert.ToBase64String(Ed25519(1))}",   // 6: type and blob disagree
            $"@marked epsilon {good}",                               // 7: unknown marker
            "   \t",                                                 // 8
            $"  zeta,eta\t{good}   a comment here\r",                // 9: CRLF, tabs, leading blanks
            "theta # ssh-ed25519 AAAA",                              // 10: '#' where the key type belongs
            $"|1|c2hvcnQ=|AAAA {good}",                              // 11: a salt of the wrong length
            "iota ssh-ed25519",                                      // 12: type without key
            "");

        var file = KnownHostsFile.Parse(text, "/home/u/.ssh/known_hosts");

        Assert.Equal([3, 9], file.Entries.Select(entry => entry.Line));
        Assert.Equal([4, 5, 6, 7, 10, 11, 12], file.MalformedLines.Select(error => error.Line));
        Assert.Equal("/home/u/.ssh/known_hosts:4", file.MalformedLines[0].Location);
        Assert.Contains("ssh-ed25519, not ssh-rsa", file.MalformedLines[2].Reason, StringComparison.Ordinal);
        var zeta = file.Entries[1];
        Assert.Equal("zeta,eta", zeta.Hosts);
        Assert.Equal("ssh-ed25519", zeta.KeyType);
        Assert.Equal(Ed25519(1), zeta.KeyBlob);
        Assert.Equal("a comment here", zeta.Comment);
        Assert.Equal("/home/u/.ssh/known_hosts:9", zeta.Location);
    }

    [Fact]
    public void Parse_Markers_AreReadAndOnlyOneIsAllowed()
    {
        string key = Field(Ed25519(2));
        var file = KnownHostsFile.Parse($"@revoked * {key}\n@cert-authority\t*.example.com {key}\n@revoked\n@revoked @cert-authority a {key}\n", "kh");

        Assert.Equal([KnownHostsMarker.Revoked, KnownHostsMarker.CertAuthority], file.Entries.Select(entry => entry.Marker));
        Assert.Equal("*.example.com", file.Entries[1].Hosts);
        Assert.Equal([3, 4], file.MalformedLines.Select(error => error.Line));
    }

    [Fact]
    public void Parse_HashedName_IsRecognised()
    {
        var file = KnownHostsFile.Parse($"|1|AQIDBAUGBwgJCgsMDQ4PEBESExQ=|qvtG0DaqrsqPDhV2Ni+wmYohchA= {Field(Ed25519(3))}\n", "kh");

        var entry = Assert.Single(file.Entries);
        Assert.True(entry.IsHashed);
        Assert.True(entry.Matches("example.com"));
        Assert.True(entry.Matches("EXAMPLE.com"));
        Assert.False(entry.Matches("example.org"));
    }

    [Theory]
    [InlineData("db.example.com", "db.example.com", true)]
    [InlineData("db.example.com", "DB.Example.COM", true)]
    [InlineData("DB.EXAMPLE.COM", "db.example.com", true)]
    [InlineData("web,db,cache", "db", true)]
    [InlineData("web,db,cache", "dbx", false)]
    [InlineData("*.example.com", "db.example.com", true)]
    [InlineData("*.example.com", "example.com", false)]
    [InlineData("web?", "web1", true)]
    [InlineData("web?", "web12", false)]
    [InlineData("*.example.com,!secret.example.com", "db.example.com", true)]
    [InlineData("*.example.com,!secret.example.com", "secret.example.com", false)]
    [InlineData("!secret.example.com,*.example.com", "secret.example.com", false)]
    [InlineData("!secret.example.com", "other.example.com", false)]
    [InlineData("[127.0.0.1]:2222", "[127.0.0.1]:2222", true)]
    [InlineData("[127.0.0.1]:2222", "127.0.0.1", false)]
    [InlineData("127.0.0.1", "[127.0.0.1]:2222", false)]
    [InlineData("[127.0.0.*]:2222", "[127.0.0.9]:2222", true)]
    [InlineData("[127.0.0.*]:2222", "[127.0.0.9]:22222", false)]
    public void Matches(string hosts, string name, bool expected)
    {
        var entry = Assert.Single(KnownHostsFile.Parse($"{hosts} {Field(Ed25519(4))}", "kh").Entries);

        Assert.Equal(expected, entry.Matches(name));
    }

    [Fact]
    public void Load_MissingFileOrDirectory_IsNull()
    {
        using var temp = new TempDirectory();

        Assert.Null(KnownHostsFile.Load(Path.Combine(temp.Path, "known_hosts")));
        Assert.Null(KnownHostsFile.Load(Path.Combine(temp.Path, "no-such-dir", "known_hosts")));
    }

    [Fact]
    public void Load_ReadsTheFileAndRecordsItsPath()
    {
        using var temp = new TempDirectory();
        string path = Path.Combine(temp.Path, "known_hosts");
        File.WriteAllText(path, $"# first\nalpha {Field(Ed25519(5))}\n");

        var entry = Assert.Single(KnownHostsFile.Load(path)!.Entries);

        Assert.Equal($"{path}:2", entry.Location);
    }
}
