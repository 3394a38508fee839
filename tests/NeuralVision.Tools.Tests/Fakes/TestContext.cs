using NeuralVision.Tools.Platform;
using NeuralVision.Tools.Platform.Files;
using NeuralVision.Tools.Platform.Processes;
using NeuralVision.Tools.Platform.Settings;
using NeuralVision.Tools.Platform.Terminals;

namespace NeuralVision.Tools.Tests.Fakes;

/// <summary>
/// The context of a test: a temp HOME, variables in a dictionary, the real file system (tests use real temp
/// directories and SQLite files), a scripted terminal, recorded processes, a fixed clock and captured output. Every
/// fake is preset and settable.
/// </summary>
public sealed class TestContext : INvtContext, IDisposable
{
    public static readonly DateTimeOffset DefaultNow = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    private readonly TempDirectory temp = new();

    public TestContext(Dictionary<string, string>? variables = null, string? currentDirectory = null)
    {
        Home = temp.MakeDirectory("home");
        Environment = new TestEnvironment(variables, currentDirectory ?? Home);
        Environment.Variables.TryAdd("HOME", Home);
        Settings = new NvtSettings(Environment);
    }

    public string Home { get; }

    public TestEnvironment Environment { get; }

    public Dictionary<string, string> Variables => Environment.Variables;

    public string CurrentDirectory
    {
        get => Environment.CurrentDirectory;
        set => Environment.CurrentDirectory = value;
    }

    public NvtSettings Settings { get; }

    public IFileSystem FileSystem { get; set; } = RealFileSystem.Instance;

    public TestTerminal Terminal { get; set; } = new();

    public RecordingProcessRunner ProcessRunner { get; set; } = new();

    public FixedClock Clock { get; } = new(DefaultNow);

    public StringWriter Output { get; private set; } = new();

    public StringWriter Error { get; private set; } = new();

    IEnvironment INvtContext.Environment => Environment;

    ITerminal INvtContext.Terminal => Terminal;

    IProcessRunner INvtContext.ProcessRunner => ProcessRunner;

    TimeProvider INvtContext.Clock => Clock;

    TextWriter INvtContext.Output => Output;

    TextWriter INvtContext.Error => Error;

    public string DatabasePath => Path.Combine(Home, ".local", "share", "nvt", "nvt.db");

    public void FlushOutput()
    {
    }

    public string MakeFile(string relative)
    {
        string path = Path.Combine(Home, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "x");
        return path;
    }

    public string MakeDirectory(string relative) => temp.MakeDirectory(Path.Combine("home", relative));

    /// <summary>Runs nvt as typed, with fresh output writers; exceptions reach the test.</summary>
    public int Run(params string[] args)
    {
        ResetOutput();
        return NvtCli.Run(this, args);
    }

    /// <summary>Runs nvt as Program does: errors become "nvt: ..." on <see cref="Error"/> and an exit code.</summary>
    public int RunTopLevel(params string[] args)
    {
        ResetOutput();
        return TopLevel.Run(this, args);
    }

    public void ResetOutput()
    {
        Output = new StringWriter();
        Error = new StringWriter();
    }

    public void Dispose() => temp.Dispose();
}
