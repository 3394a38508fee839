using NeuralVision.Tools.Platform.Processes;

namespace NeuralVision.Tools.Tests.Fakes;

/// <summary>A foreground scope of <see cref="RecordingProcessRunner"/>: records each run and answers through its callback.</summary>
public sealed class RecordingForegroundScope(RecordingProcessRunner runner) : IForegroundScope
{
    public int Run(string program, IReadOnlyList<string> arguments)
    {
        runner.ForegroundRuns.Add([program, .. arguments]);
        return (runner.OnForeground ?? throw new NotImplementedException($"the test did not expect {program} to run"))(program, arguments);
    }

    public void Dispose()
    {
    }
}
