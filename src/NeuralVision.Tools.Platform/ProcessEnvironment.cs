namespace NeuralVision.Tools.Platform;

/// <summary>The real environment of the nvt process.</summary>
public sealed class ProcessEnvironment : IEnvironment
{
    public string? GetVariable(string name) => Environment.GetEnvironmentVariable(name);

    public string CurrentDirectory => Environment.CurrentDirectory;
}
