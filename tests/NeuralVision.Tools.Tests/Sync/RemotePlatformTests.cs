using NeuralVision.Tools.Sync;

namespace NeuralVision.Tools.Tests.Sync;

/// <summary>What `nvt sync HOST --install` accepts: this machine's kernel and type, glibc at least what the binary needs.</summary>
public sealed class RemotePlatformTests
{
    private static readonly Version Needs = new(2, 34);

    [Theory]
    [InlineData("Linux x86_64\nldd (Debian GLIBC 2.36-9+deb12u13) 2.36\n", null)]
    [InlineData("Linux x86_64\nldd (GNU libc) 2.39\n", null)]
    [InlineData("Linux x86_64\nldd (Ubuntu GLIBC 2.31-0ubuntu9.16) 2.31\n", "its glibc is 2.31, and this nvt needs 2.34 or newer")]
    [InlineData("Linux x86_64\nmusl libc (x86_64)\n", "it uses musl libc, and this nvt needs glibc 2.34 or newer")]
    [InlineData("Linux aarch64\nldd (Debian GLIBC 2.36-9) 2.36\n", "it is an aarch64 machine, and this nvt is built for x86_64")]
    [InlineData("FreeBSD amd64\n", "it runs FreeBSD, and this nvt is a Linux program")]
    [InlineData("", "it runs an unknown system, and this nvt is a Linux program")]
    public void Mismatch_NamesWhatDoesNotFit(string probe, string? expected)
    {
        Assert.Equal(expected, RemotePlatform.Parse(probe).Mismatch(Needs));
    }

    [Fact]
    public void RequiredGlibc_IsTheNewestSymbolVersionNamed()
    {
        byte[] binary = [.. "\0GLIBC_2.2.5\0GLIBC_2.34\0GLIBC_2.17\0GLIBC_PRIVATE\0"u8];
        Assert.Equal(new Version(2, 34), RemotePlatform.RequiredGlibc(binary));
    }

    [Fact]
    public void RequiredGlibc_OfThisTestProcess_IsAtMostThisMachinesGlibc()
    {
        byte[] binary = File.ReadAllBytes(Environment.ProcessPath!);
        var probe = RemotePlatform.Parse($"Linux {RemotePlatform.LocalMachine}\nldd (GNU libc) 2.36\n");
        Assert.Null(probe.Mismatch(RemotePlatform.RequiredGlibc(binary)));
    }
}
