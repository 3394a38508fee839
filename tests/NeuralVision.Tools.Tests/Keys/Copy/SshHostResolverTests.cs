using NeuralVision.Tools.Keys.Copy;

namespace NeuralVision.Tools.Tests.Keys.Copy;

public sealed class SshHostResolverTests
{
    [Theory]
    [InlineData("bastion", null, "bastion", null)]
    [InlineData("me@bastion:2222", "me", "bastion", 2222)]
    [InlineData("ssh://me@bastion:2222", "me", "bastion", 2222)]
    [InlineData("[2001:db8::1]:2200", null, "2001:db8::1", 2200)]
    [InlineData("2001:db8::1", null, "2001:db8::1", null)]
    [InlineData("a@b@host", "a@b", "host", null)]
    public void ParseHop_AsSshMinusJTakesThem(string spec, string? user, string host, int? port) =>
        Assert.Equal((user, host, port), SshHostResolver.ParseHop(spec));

    [Theory]
    [InlineData("host:0")]
    [InlineData("host:x")]
    [InlineData("-oProxyCommand=x")]
    public void ParseHop_Invalid_IsRefusedInASentence(string spec) =>
        Assert.Throws<KeyCopyException>(() => SshHostResolver.ParseHop(spec));

    [Theory]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData(".ssh/authorized_keys", "'.ssh/authorized_keys'")]
    public void Quote_ForShAndFish(string text, string quoted) => Assert.Equal(quoted, ExecScripts.Quote(text));
}
