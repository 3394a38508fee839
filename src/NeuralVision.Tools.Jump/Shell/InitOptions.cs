namespace NeuralVision.Tools.Jump.Shell;

/// <summary>What `nvt init` was asked for. <see cref="Command"/> null means --no-cmd; <see cref="Fasd"/> adds fasd's commands.</summary>
public sealed record InitOptions(ShellKind Shell, string? Command, HookMode Hook, bool Fasd = false);
