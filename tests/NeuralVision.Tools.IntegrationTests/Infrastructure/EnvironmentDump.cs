namespace NeuralVision.Tools.IntegrationTests.Infrastructure;

/// <summary>The output of <c>env -0</c>: NAME=VALUE entries separated by NUL; a name given twice keeps its last value.</summary>
public static class EnvironmentDump
{
    public static Dictionary<string, string> Parse(string text) =>
        text.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .GroupBy(pair => pair[0], StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Last()[1], StringComparer.Ordinal);
}
