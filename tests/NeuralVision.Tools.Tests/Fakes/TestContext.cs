using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools.Tests;

/// <summary>A command context on a temp HOME with captured output and a fixed clock.</summary>
public sealed class TestContext : IDisposable
{
    public static readonly DateTimeOffset DefaultNow = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    private readonly TempDirectory temp = new();

    public TestContext(Dictionary<string, string>? variables = null, string? currentDirectory = null)
    {
        Home = temp.MakeDirectory("home");
        Variables = variables ?? [];
        Variables.TryAdd("HOME", Home);
        CurrentDirectory = currentDirectory ?? Home;
        Clock = new FixedClock(DefaultNow);
    }

    public string Home { get; }

    public Dictionary<string, string> Variables { get; }

    public string CurrentDirectory { get; set; }

    public FixedClock Clock { get; }

    public StringWriter Output { get; private set; } = new();

    public StringWriter Error { get; private set; } = new();

    public Func<Interactive.IPicker>? PickerFactory { get; set; }

    /// <summary>What `query --exec` ran, in order; each run returns <see cref="ExecStatus"/>.</summary>
    public List<IReadOnlyList<string>> ExecutedCommands { get; } = [];

    public int ExecStatus { get; set; }

    public string MakeFile(string relative)
    {
        string path = Path.Combine(Home, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "x");
        return path;
    }

    public string DatabasePath => Path.Combine(Home, ".local", "share", "nvt", "nvt.db");

    public string MakeDirectory(string relative) => temp.MakeDirectory(Path.Combine("home", relative));

    /// <summary>Runs nvt as typed (`args` split on spaces unless given as an array), with fresh output writers.</summary>
    public int Run(params string[] args)
    {
        Output = new StringWriter();
        Error = new StringWriter();
        var context = new NvtContext(new DictionaryEnvironment(Variables, CurrentDirectory), RealFileSystem.Instance, Clock, Output, Error)
        {
            PickerFactory = PickerFactory,
            CommandRunnerOverride = argv =>
            {
                ExecutedCommands.Add(argv);
                return ExecStatus;
            },
        };
        return NvtCli.Run(context, args);
    }

    public void Dispose() => temp.Dispose();

    public sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
