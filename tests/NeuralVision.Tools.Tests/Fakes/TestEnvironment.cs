using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools.Tests.Fakes;

/// <summary>Variables from a dictionary (changes to it show at once) and a settable working directory.</summary>
public sealed class TestEnvironment : IEnvironment
{
    public TestEnvironment(Dictionary<string, string>? variables = null, string currentDirectory = "/")
    {
        Variables = variables ?? [];
        CurrentDirectory = currentDirectory;
    }

    public Dictionary<string, string> Variables { get; }

    public string CurrentDirectory { get; set; }

    public string? GetVariable(string name) => Variables.TryGetValue(name, out var value) ? value : null;
}
