namespace NeuralVision.Tools.IntegrationTests.Shell;

/// <summary>The shells `nvt init` supports; posix is run with dash.</summary>
public enum TestShell
{
    Bash,
    Zsh,
    Fish,
    Posix,
}
