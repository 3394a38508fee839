namespace NeuralVision.Tools.Platform;

/// <summary>
/// The process environment, behind an interface so tests can vary variables and the working directory. Only
/// <see cref="Settings.NvtSettings"/> reads variables; everything else asks it.
/// </summary>
public interface IEnvironment
{
    /// <summary>The variable's value, or null when it is not set.</summary>
    string? GetVariable(string name);

    string CurrentDirectory { get; }
}
