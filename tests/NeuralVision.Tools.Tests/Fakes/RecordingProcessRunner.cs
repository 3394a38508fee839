using NeuralVision.Tools.Platform.Processes;

namespace NeuralVision.Tools.Tests.Fakes;

/// <summary>
/// Programs that exist only by name: <see cref="Programs"/> says what PATH holds, every run is recorded (program
/// first, then its arguments), and each run answers through a callback that fails the test when it is not set.
/// </summary>
public sealed class RecordingProcessRunner : IProcessRunner
{
    /// <summary>What <see cref="FindOnPath"/> finds: name to path. Empty: nothing is installed.</summary>
    public Dictionary<string, string> Programs { get; } = new(StringComparer.Ordinal);

    /// <summary>Foreground runs, as program then arguments.</summary>
    public List<IReadOnlyList<string>> ForegroundRuns { get; } = [];

    /// <summary>Captured runs, as the request was made.</summary>
    public List<CaptureRequest> Captures { get; } = [];

    /// <summary>Each foreground run's exit status (and side effects); unset, a run fails the test.</summary>
    public Func<string, IReadOnlyList<string>, int>? OnForeground { get; set; }

    /// <summary>Each captured run's result; unset, a capture fails the test.</summary>
    public Func<CaptureRequest, CapturedRun?>? OnCapture { get; set; }

    /// <summary>How many foreground scopes were begun with forwarding of SIGTERM and SIGHUP.</summary>
    public int ForwardingScopes { get; private set; }

    public string? FindOnPath(string name) => Programs.TryGetValue(name, out string? path) ? path : null;

    public IForegroundScope BeginForeground(bool forwardTermination)
    {
        if (forwardTermination)
        {
            ForwardingScopes++;
        }

        return new RecordingForegroundScope(this);
    }

    public CapturedRun? Capture(CaptureRequest request)
    {
        Captures.Add(request);
        return (OnCapture ?? throw new NotImplementedException($"the test did not expect {request.Program} to run"))(request);
    }
}
