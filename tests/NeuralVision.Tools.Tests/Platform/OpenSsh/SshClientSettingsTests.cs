using NeuralVision.Tools.Platform.OpenSsh;

namespace NeuralVision.Tools.Tests.Platform.OpenSsh;

public sealed class SshClientSettingsTests
{
    // Trimmed from a real `ssh -G -F CONFIG puffin` (OpenSSH 9.2) run as root.
    private const string SshGOutput = """
        host puffin
        user bob
        hostname 127.0.0.1
        port 2222
        hashknownhosts yes
        hostkeyalias pf
        connecttimeout 5
        identityfile ~/.ssh/id_rsa
        identityfile /abs/k2
        globalknownhostsfile /etc/ssh/ssh_known_hosts /etc/ssh/ssh_known_hosts2
        userknownhostsfile /root/.ssh/known_hosts /root/.ssh/known_hosts2
        """;

    [Fact]
    public void Parse_ReadsTheKeywordsKeysCopyNeeds()
    {
        var settings = SshClientSettings.Parse(SshGOutput, "/home/t", "/root");

        Assert.Equal("127.0.0.1", settings.HostName);
        Assert.Equal(2222, settings.Port);
        Assert.Equal("bob", settings.User);
        Assert.Equal("pf", settings.HostKeyAlias);
        Assert.True(settings.HashKnownHosts);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.ConnectTimeout);
        Assert.Equal(["/home/t/.ssh/id_rsa", "/abs/k2"], settings.IdentityFiles);
        Assert.Equal(["/etc/ssh/ssh_known_hosts", "/etc/ssh/ssh_known_hosts2"], settings.GlobalKnownHostsFiles);
    }

    [Fact]
    public void Parse_KnownHostsUnderThePasswdHomeMoveToHome()
    {
        var settings = SshClientSettings.Parse(SshGOutput, "/home/t", "/root");

        Assert.Equal(["/home/t/.ssh/known_hosts", "/home/t/.ssh/known_hosts2"], settings.UserKnownHostsFiles);
    }

    [Fact]
    public void Parse_NoneTimeoutAndNoAlias()
    {
        var settings = SshClientSettings.Parse("user u\nhostname h\nport 22\nconnecttimeout none\nhashknownhosts no\n", "/h", null);

        Assert.Null(settings.ConnectTimeout);
        Assert.Null(settings.HostKeyAlias);
        Assert.Equal("h", settings.HostName);
        Assert.False(settings.HashKnownHosts);
    }

    [Fact]
    public void Parse_WithoutHostName_Throws()
    {
        Assert.Throws<FormatException>(() => SshClientSettings.Parse("user u\n", "/h", null));
    }

    [Fact]
    public void Defaults_AreOpenSshsWithHomeFromHome()
    {
        var settings = SshClientSettings.Defaults("Example.org", null, "me", "/home/me");

        Assert.Equal(22, settings.Port);
        Assert.Equal("Example.org", settings.HostName);
        Assert.Equal("/home/me/.ssh/known_hosts", settings.UserKnownHostsFiles[0]);
        Assert.Contains("/home/me/.ssh/id_ed25519", settings.IdentityFiles);
    }
}
