using System.Globalization;

namespace NeuralVision.Tools.IntegrationTests.Infrastructure;

/// <summary>One process, named by its pid and its start time (so a reused pid is never taken for it).</summary>
public readonly record struct ProcessMark(int Pid, long StartTime)
{
    /// <summary>The process is still this one and not a zombie.</summary>
    public bool IsRunning => ProcessTree.Read(Pid) is { } stat && stat.StartTime == StartTime && stat.State != 'Z';

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Pid} {StartTime}");

    public static ProcessMark? Parse(string line)
    {
        string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2
            && int.TryParse(parts[0], CultureInfo.InvariantCulture, out int pid)
            && long.TryParse(parts[1], CultureInfo.InvariantCulture, out long start)
            ? new ProcessMark(pid, start)
            : null;
    }
}
