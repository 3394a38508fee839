namespace NeuralVision.Tools.Jump.Shell;

/// <summary>
/// What `nvt init` was asked for. <see cref="Command"/> null means --no-cmd; <see cref="Fasd"/> adds fasd's commands;
/// <see cref="Journal"/> is the visit journal the hook appends to, null when the data directory is not safe to write
/// (then the hook runs `nvt add` instead).
/// </summary>
public sealed record InitOptions(ShellKind Shell, string? Command, HookMode Hook, bool Fasd = false, string? Journal = null);
