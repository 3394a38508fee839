using System.Text;
using NeuralVision.Tools.Platform.Text;

namespace NeuralVision.Tools.Tests.Platform.Text;

/// <summary>OpenSSH's vis-style escaping (utf8.c), byte for byte as the corpus shows ssh-keygen printing it.</summary>
public sealed class TerminalTextTests
{
    [Theory]
    [InlineData("red\u001b[31mALERT", false, @"red\033[31mALERT")]
    [InlineData("bel\u0007del\u007f", false, @"bel\007del\177")]
    [InlineData("a\tb\rc\nd", false, "a\tb\rc\nd")]
    [InlineData("José ☃", false, @"Jos\303\251 \342\230\203")]
    [InlineData("José ☃", true, "José ☃")]
    [InlineData("c1\u009b31mX", true, @"c1\302\23331mX")]
    [InlineData("%s%n", true, "%s%n")]
    public void Escape_AsSshKeygenPrints(string text, bool utf8, string expected) =>
        Assert.Equal(expected, TerminalText.Escape(text, utf8));

    [Fact]
    public void Escape_InvalidUtf8_EscapesTheBytesEvenInAUtf8Locale() =>
        Assert.Equal(@"bad\377byte", TerminalText.Escape(Encoding.Latin1.GetBytes("bad\u00ffbyte"), utf8: true));
}
