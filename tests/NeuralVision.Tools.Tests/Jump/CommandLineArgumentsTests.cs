using NeuralVision.Tools.Jump;

namespace NeuralVision.Tools.Tests.Jump;

public sealed class CommandLineArgumentsTests
{
    private static readonly string[] Ignored = ["nvt", "ls", "echo", "cd"];
    private static readonly string[] Shifted = ["sudo", "busybox"];

    [Theory]
    [InlineData("vim notes.txt", new[] { "notes.txt" })]
    [InlineData("vim 'my notes.txt' \"other file\" plain\\ space", new[] { "my notes.txt", "other file", "plain space" })]
    [InlineData("sudo busybox vi /etc/hosts", new[] { "/etc/hosts" })]
    [InlineData("cp -r src dest", new[] { "src", "dest" })]
    [InlineData("cat a.txt | grep x > out.txt", new[] { "a.txt", "grep", "x", "out.txt" })]
    [InlineData("vim ~/todo ~", new[] { "/home/u/todo", "/home/u" })]
    [InlineData("vim '~/literal'", new[] { "~/literal" })]
    [InlineData("vim a a", new[] { "a" })]
    [InlineData("vim $HOME/x *.c \"$(pwd)\" ok", new[] { "ok" })]
    [InlineData("git commit -m 'a message'", new[] { "commit", "a message" })]
    public void CandidatePaths_SplitsLikeTheShell(string line, string[] expected)
    {
        Assert.Equal(expected, CommandLineArguments.CandidatePaths(line, Ignored, Shifted, "/home/u"));
    }

    [Theory]
    [InlineData("ls src")]
    [InlineData("sudo ls src")]
    [InlineData("cd /tmp")]
    [InlineData("vim --help file")]
    [InlineData("sudo")]
    [InlineData("")]
    public void CandidatePaths_IgnoredCommandsAndHelp_GiveNothing(string line)
    {
        Assert.Empty(CommandLineArguments.CandidatePaths(line, Ignored, Shifted, "/home/u"));
    }
}
