namespace NeuralVision.Tools.SshProfile.Commands;

/// <summary>
/// One of `nvt ssh`'s own options. The table of them (<see cref="SshCommand.Options"/>) is the single source of both
/// the hand parser and the help.
/// </summary>
/// <param name="ValueName">The value's name in the help (NAME); null for a switch.</param>
/// <param name="ValueDescription">What a missing value is called in the error ("a profile name").</param>
public sealed record SshOption(string Name, string Description, string? ValueName = null, string? ValueDescription = null)
{
    public bool TakesValue => ValueName is not null;
}
