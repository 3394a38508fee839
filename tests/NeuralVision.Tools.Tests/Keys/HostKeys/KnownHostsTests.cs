using NeuralVision.Tools.Keys.HostKeys;
using static NeuralVision.Tools.Tests.Keys.HostKeys.KnownHostsTestKeys;

namespace NeuralVision.Tools.Tests.Keys.HostKeys;

public sealed class KnownHostsTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("Example.COM", 22, "example.com")]
    [InlineData("example.com", 0, "example.com")]
    [InlineData("Example.com", 2222, "[example.com]:2222")]
    [InlineData("127.0.0.1", 2222, "[127.0.0.1]:2222")]
    public void HostName_PortTwentyTwoIsBare_OthersBracketed(string host, int port, string expected)
    {
        Assert.Equal(expected, KnownHosts.HostName(host, port));
    }

    [Fact]
    public void KeyTypeOf_IsTheBlobsType()
    {
        Assert.Equal("ssh-rsa", KnownHosts.KeyTypeOf(Rsa(1)));
        Assert.Equal("ecdsa-sha2-nistp256", KnownHosts.KeyTypeOf(Ecdsa(1)));
    }

    [Theory]
    [InlineData("ssh-ed25519", "ED25519")]
    [InlineData("ssh-rsa", "RSA")]
    [InlineData("ecdsa-sha2-nistp256", "ECDSA")]
    [InlineData("ecdsa-sha2-nistp521", "ECDSA")]
    [InlineData("ssh-dss", "DSA")]
    public void DisplayType_IsSshsName(string type, string expected)
    {
        Assert.Equal(expected, KnownHosts.DisplayType(type));
    }

    [Fact]
    public void Check_PlainName_Known()
    {
        string file = Write("known_hosts", "# mine", $"other {Field(Ed25519(9))}", $"Puffin.Example.com {Field(Ed25519(1))}");

        var result = KnownHosts.Check([file], "PUFFIN.example.com", 22, Ed25519(1));

        Assert.Equal(KnownHostStatus.Known, result.Status);
        Assert.Equal($"{file}:3", result.Entry!.Location);
        Assert.Equal("puffin.example.com", result.HostName);
        Assert.Empty(result.UnreadableFiles);
    }

    [Theory]
    [InlineData("web,puffin,cache", "puffin")]
    [InlineData("web,192.0.2.7", "192.0.2.7")]
    [InlineData("*.example.com", "db.example.com")]
    [InlineData("db?.example.com", "db1.example.com")]
    public void Check_PatternLists_Known(string hosts, string host)
    {
        string file = Write("known_hosts", $"{hosts} {Field(Ed25519(1))}");

        Assert.Equal(KnownHostStatus.Known, KnownHosts.Check([file], host, 22, Ed25519(1)).Status);
    }

    [Fact]
    public void Check_NegatedPattern_RejectsTheLineButNotOtherLines()
    {
        string file = Write("known_hosts",
            $"*.example.com,!secret.example.com {Field(Ed25519(1))}",
            $"!db.example.com {Field(Ed25519(2))}");

        Assert.Equal(KnownHostStatus.Known, KnownHosts.Check([file], "db.example.com", 22, Ed25519(1)).Status);
        Assert.Equal(KnownHostStatus.Unknown, KnownHosts.Check([file], "secret.example.com", 22, Ed25519(1)).Status);
        // The negation alone never makes a line apply: secret is not "changed" by line 2.
        Assert.Equal(KnownHostStatus.Unknown, KnownHosts.Check([file], "secret.example.com", 22, Ed25519(2)).Status);
    }

    [Fact]
    public void Check_BracketedPortEntry_OnlyForThatPort()
    {
        string file = Write("known_hosts", $"[127.0.0.1]:2222 {Field(Ed25519(1))}");

        var onPort = KnownHosts.Check([file], "127.0.0.1", 2222, Ed25519(1));
        var on22 = KnownHosts.Check([file], "127.0.0.1", 22, Ed25519(1));
        var onOther = KnownHosts.Check([file], "127.0.0.1", 2200, Ed25519(1));

        Assert.Equal(KnownHostStatus.Known, onPort.Status);
        Assert.Equal("[127.0.0.1]:2222", onPort.HostName);
        Assert.Equal(KnownHostStatus.Unknown, on22.Status);
        Assert.Equal("127.0.0.1", on22.HostName);
        Assert.Equal(KnownHostStatus.Unknown, onOther.Status);
    }

    [Fact]
    public void Check_OtherPort_FallsBackToTheBareNameOnlyForTheSameKey()
    {
        string file = Write("known_hosts", $"127.0.0.1 {Field(Ed25519(1))}");

        var same = KnownHosts.Check([file], "127.0.0.1", 2222, Ed25519(1));
        var other = KnownHosts.Check([file], "127.0.0.1", 2222, Ed25519(2));
        var aliased = KnownHosts.Check([file], "127.0.0.1", 2222, Ed25519(1), hostKeyAlias: "box");

        Assert.Equal(KnownHostStatus.Known, same.Status);
        Assert.Equal($"{file}:1", same.Entry!.Location);
        Assert.Equal("[127.0.0.1]:2222", same.HostName);
        // ssh's retry without the port is quiet: a different key under the bare name does not make the port "changed".
        Assert.Equal(KnownHostStatus.Unknown, other.Status);
        Assert.Equal(KnownHostStatus.Unknown, aliased.Status);
    }

    [Fact]
    public void Check_HostKeyAlias_ReplacesNameAndPort()
    {
        string file = Write("known_hosts", $"mybox {Field(Ed25519(1))}");

        var result = KnownHosts.Check([file], "10.1.2.3", 2222, Ed25519(1), hostKeyAlias: "MyBox");

        Assert.Equal(KnownHostStatus.Known, result.Status);
        Assert.Equal("mybox", result.HostName);
    }

    [Fact]
    public void Check_HashedEntriesFromTheWriter_Known()
    {
        string file = Path.Combine(temp.Path, "known_hosts");
        var writer = new KnownHostsWriter();
        writer.Append(file, KnownHosts.HostName("Puffin.example.com", 22), Ed25519(1), hash: true);
        writer.Append(file, KnownHosts.HostName("127.0.0.1", 2222), Ed25519(2), hash: true);

        Assert.Equal(KnownHostStatus.Known, KnownHosts.Check([file], "puffin.EXAMPLE.com", 22, Ed25519(1)).Status);
        Assert.Equal(KnownHostStatus.Known, KnownHosts.Check([file], "127.0.0.1", 2222, Ed25519(2)).Status);
        Assert.Equal(KnownHostStatus.Unknown, KnownHosts.Check([file], "127.0.0.1", 22, Ed25519(2)).Status);
        var changed = KnownHosts.Check([file], "puffin.example.com", 22, Ed25519(3));
        Assert.Equal(KnownHostStatus.Changed, changed.Status);
        Assert.Equal($"{file}:1", changed.Entry!.Location);
    }

    [Fact]
    public void Check_RevokedLine_BeatsAKnownLine()
    {
        string user = Write("known_hosts", $"puffin {Field(Ed25519(1))}");
        string system = Write("ssh_known_hosts", "# revoked keys", $"@revoked * {Field(Ed25519(1))}");

        var result = KnownHosts.Check([user, system], "puffin", 22, Ed25519(1));

        Assert.Equal(KnownHostStatus.Revoked, result.Status);
        Assert.Equal($"{system}:2", result.Entry!.Location);
    }

    [Fact]
    public void Check_RevokedLineForAnotherKeyOrHost_IsIgnored()
    {
        string file = Write("known_hosts",
            $"@revoked puffin {Field(Ed25519(2))}",
            $"@revoked other {Field(Ed25519(1))}",
            $"puffin {Field(Ed25519(1))}");

        Assert.Equal(KnownHostStatus.Known, KnownHosts.Check([file], "puffin", 22, Ed25519(1)).Status);
    }

    [Fact]
    public void Check_CertAuthorityLine_NeverMatchesAHostKey()
    {
        string file = Write("known_hosts",
            $"@cert-authority *.example.com {Field(Ed25519(1))}",
            $"@cert-authority *.example.com {Field(Ed25519(2))}",
            $"@cert-authority *.example.com {Field(Rsa(3))}");

        var same = KnownHosts.Check([file], "db.example.com", 22, Ed25519(1));
        var other = KnownHosts.Check([file], "db.example.com", 22, Ed25519(5));

        Assert.Equal(KnownHostStatus.Unknown, same.Status);
        Assert.Equal(KnownHostStatus.Unknown, other.Status);
        Assert.Empty(other.OtherKeys);
    }

    [Fact]
    public void Check_ChangedKey_ReportsTheFirstOffendingLineAcrossFiles()
    {
        string user = Write("known_hosts",
            "# user file",
            $"puffin {Field(Rsa(7))}",
            $"web,puffin {Field(Ed25519(2))}",
            $"puffin {Field(Ed25519(3))}");
        string system = Write("ssh_known_hosts", $"puffin {Field(Ed25519(4))}");

        var both = KnownHosts.Check([user, system], "puffin", 22, Ed25519(1));
        var systemOnly = KnownHosts.Check([Path.Combine(temp.Path, "missing"), system], "puffin", 22, Ed25519(1));

        Assert.Equal(KnownHostStatus.Changed, both.Status);
        Assert.Equal($"{user}:3", both.Entry!.Location);
        Assert.Equal("ssh-ed25519", both.Entry.KeyType);
        Assert.Equal(KnownHostStatus.Changed, systemOnly.Status);
        Assert.Equal($"{system}:1", systemOnly.Entry!.Location);
        Assert.Empty(systemOnly.UnreadableFiles);
    }

    [Fact]
    public void Check_KeyKnownInALaterFile_IsKnownDespiteAnEarlierMismatch()
    {
        string user = Write("known_hosts", $"puffin {Field(Ed25519(2))}");
        string system = Write("ssh_known_hosts", $"puffin {Field(Ed25519(1))}");

        var result = KnownHosts.Check([user, system], "puffin", 22, Ed25519(1));

        Assert.Equal(KnownHostStatus.Known, result.Status);
        Assert.Equal($"{system}:1", result.Entry!.Location);
    }

    [Fact]
    public void Check_OnlyOtherKeyTypesKnown_IsUnknownAndListsThem()
    {
        string user = Write("known_hosts",
            $"puffin {Field(Rsa(1))}",
            $"puffin {Field(Rsa(2))}",
            $"elsewhere {Field(Ed25519(8))}");
        string system = Write("ssh_known_hosts", $"*.puffin,puffin {Field(Ecdsa(3))}");

        var result = KnownHosts.Check([user, system], "puffin", 22, Ed25519(1));

        Assert.Equal(KnownHostStatus.Unknown, result.Status);
        Assert.Null(result.Entry);
        Assert.Equal(["ssh-rsa", "ecdsa-sha2-nistp256"], result.OtherKeyTypes);
        Assert.Equal([$"{user}:1", $"{system}:1"], result.OtherKeys.Select(entry => entry.Location));
    }

    [Fact]
    public void Check_NothingForTheHost_UnknownWithoutOtherKeys()
    {
        string file = Write("known_hosts", $"elsewhere {Field(Ed25519(1))}", "malformed line");

        var result = KnownHosts.Check([file, Path.Combine(temp.Path, "absent", "ssh_known_hosts")], "puffin", 22, Ed25519(1));

        Assert.Equal(KnownHostStatus.Unknown, result.Status);
        Assert.Empty(result.OtherKeys);
        Assert.Empty(result.UnreadableFiles);
        Assert.Equal($"{file}:2", Assert.Single(result.MalformedLines).Location);
        Assert.Equal("ssh-ed25519", result.KeyType);
        Assert.Equal("ED25519", result.DisplayType);
    }

    [Fact]
    public void Check_UnreadableFile_IsReportedAndTheOthersStillDecide()
    {
        string directory = temp.MakeDirectory("known_hosts.d");
        string system = Write("ssh_known_hosts", $"puffin {Field(Ed25519(1))}");

        var result = KnownHosts.Check([directory, system], "puffin", 22, Ed25519(1));

        Assert.Equal(KnownHostStatus.Known, result.Status);
        Assert.Equal(directory, Assert.Single(result.UnreadableFiles).Path);
    }

    [Fact]
    public void Check_ParsedFiles_GiveTheSameAnswer()
    {
        var file = KnownHostsFile.Parse($"puffin {Field(Ed25519(2))}\n", "kh");

        var result = KnownHosts.Check([file], "puffin", 22, Ed25519(1));

        Assert.Equal(KnownHostStatus.Changed, result.Status);
        Assert.Equal("kh:1", result.Entry!.Location);
    }

    private string Write(string name, params string[] lines)
    {
        string path = Path.Combine(temp.Path, name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }
}
