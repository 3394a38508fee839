using NeuralVision.Tools.IntegrationTests.Infrastructure;
using Renci.SshNet;

namespace NeuralVision.Tools.IntegrationTests.Keys;

/// <summary>SSH.NET (the library `keys copy` uses) loads nvt's keys and logs in with them to a real sshd.</summary>
public sealed class KeysSshLoginTests : IDisposable
{
    private readonly TempHome home = new();
    private readonly TestSshd sshd = new();

    public void Dispose()
    {
        sshd.Dispose();
        home.Dispose();
    }

    [Theory]
    [InlineData("ed25519", "2048", "an ed25519 pass")]
    [InlineData("rsa", "2048", "an rsa pass")]
    [InlineData("rsa", "3072", null)]
    public void PrivateKeyFile_NvtKey_AuthenticatesToSshd(string type, string bits, string? passphrase)
    {
        string key = Path.Combine(home.Root, "id_" + type);
        var gen = home.Run(["keys", "gen", "-t", type, "-b", bits, "-f", key, .. passphrase is null ? new[] { "--no-passphrase" } : ["-N", passphrase]]);
        Assert.True(gen.ExitCode == 0, gen.Stderr);
        sshd.WriteAuthorizedKeys(File.ReadAllBytes(key + ".pub"));

        using var keyFile = passphrase is null ? new PrivateKeyFile(key) : new PrivateKeyFile(key, passphrase);
        using var client = new SshClient(new ConnectionInfo("127.0.0.1", sshd.Port, sshd.UserName, new PrivateKeyAuthenticationMethod(sshd.UserName, keyFile)));
        client.Connect();
        using var command = client.RunCommand("echo logged-in-with-nvt-key");

        Assert.Equal("logged-in-with-nvt-key\n", command.Result);
    }

    [Fact]
    public void PrivateKeyFile_KeyNotAuthorized_IsRejected()
    {
        string key = Path.Combine(home.Root, "id_other");
        Assert.Equal(0, home.Run("keys", "gen", "-t", "ed25519", "-f", key, "--no-passphrase").ExitCode);

        using var keyFile = new PrivateKeyFile(key);
        using var client = new SshClient(new ConnectionInfo("127.0.0.1", sshd.Port, sshd.UserName, new PrivateKeyAuthenticationMethod(sshd.UserName, keyFile)));

        Assert.Throws<Renci.SshNet.Common.SshAuthenticationException>(client.Connect);
    }
}
