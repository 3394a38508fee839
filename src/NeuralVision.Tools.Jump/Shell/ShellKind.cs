namespace NeuralVision.Tools.Jump.Shell;

/// <summary>The shells `nvt init` supports, each with its script in shell/.</summary>
public enum ShellKind
{
    Bash,
    Zsh,
    Fish,
    Posix,
}
