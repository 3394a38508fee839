using System.Text;
using NeuralVision.Tools.Keys;

namespace NeuralVision.Tools.Tests.Keys;

public sealed class AuthorizedKeysTests
{
    private const string Ed25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGEK7sY8tsZhpeVfHa2npaPtDcCbYsXv39yUzu/6Cnei other@elsewhere";
    private const string Ecdsa = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBG3ew0BQSFGFL73iW72Kc9gFnp8Qy9FDi3gK8ItEpgEDSVtxVgs4mOAtflIZmhMl/NHFyhC6H3J46mGj2XECyn8= x";

    private static SshPublicKey Key(string line) => SshPublicKey.ParseLine(line)!;

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [Theory]
    [InlineData(Ed25519)]
    [InlineData("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGEK7sY8tsZhpeVfHa2npaPtDcCbYsXv39yUzu/6Cnei")]
    [InlineData("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGEK7sY8tsZhpeVfHa2npaPtDcCbYsXv39yUzu/6Cnei a different comment")]
    [InlineData("  \tssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGEK7sY8tsZhpeVfHa2npaPtDcCbYsXv39yUzu/6Cnei x\r")]
    [InlineData("from=\"10.0.0.1\",no-pty ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGEK7sY8tsZhpeVfHa2npaPtDcCbYsXv39yUzu/6Cnei")]
    [InlineData("command=\"echo \\\"quoted words\\\" here\",restrict ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGEK7sY8tsZhpeVfHa2npaPtDcCbYsXv39yUzu/6Cnei c")]
    public void Contains_SameKeyWhateverOptionsAndComment(string line)
    {
        Assert.True(AuthorizedKeys.Contains(Bytes("# first\n" + Ecdsa + "\n" + line + "\n"), Key(Ed25519)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("# ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGEK7sY8tsZhpeVfHa2npaPtDcCbYsXv39yUzu/6Cnei commented out\n")]
    [InlineData(Ecdsa + "\n")]
    [InlineData("ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIGEK7sY8tsZhpeVfHa2npaPtDcCbYsXv39yUzu/6Cnei type does not match the blob\n")]
    [InlineData("ssh-ed25519 not-base64!!\n")]
    public void Contains_OtherKeysCommentsAndBrokenLines_DoNotCount(string content)
    {
        Assert.False(AuthorizedKeys.Contains(Bytes(content), Key(Ed25519)));
    }

    [Fact]
    public void Append_AddsMissingFinalNewlineAndKeepsEveryByte()
    {
        byte[] existing = Bytes("# kept\r\n" + Ecdsa);

        byte[] result = AuthorizedKeys.Append(existing, Ed25519);

        Assert.Equal(Bytes("# kept\r\n" + Ecdsa + "\n" + Ed25519 + "\n"), result);
    }

    [Theory]
    [InlineData("", Ed25519 + "\n")]
    [InlineData(Ecdsa + "\n", Ecdsa + "\n" + Ed25519 + "\n")]
    public void Append_EmptyOrNewlineTerminated_AddsJustTheLine(string existing, string expected)
    {
        Assert.Equal(Bytes(expected), AuthorizedKeys.Append(Bytes(existing), Ed25519));
    }
}
