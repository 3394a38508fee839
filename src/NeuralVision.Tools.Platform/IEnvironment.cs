namespace NeuralVision.Tools.Platform;

/// <summary>The process environment, behind an interface so tests can vary variables and the working directory.</summary>
public interface IEnvironment
{
    /// <summary>The variable's value, or null when it is not set.</summary>
    string? GetVariable(string name);

    string CurrentDirectory { get; }
}

public sealed class ProcessEnvironment : IEnvironment
{
    public string? GetVariable(string name) => Environment.GetEnvironmentVariable(name);

    public string CurrentDirectory => Environment.CurrentDirectory;
}

/// <summary>A fixed set of variables, for tests and for commands that run with a modified environment.</summary>
public sealed class DictionaryEnvironment : IEnvironment
{
    private readonly Dictionary<string, string> variables;

    public DictionaryEnvironment(Dictionary<string, string> variables, string currentDirectory)
    {
        this.variables = variables;
        CurrentDirectory = currentDirectory;
    }

    public string? GetVariable(string name) => variables.TryGetValue(name, out var value) ? value : null;

    public string CurrentDirectory { get; }
}
