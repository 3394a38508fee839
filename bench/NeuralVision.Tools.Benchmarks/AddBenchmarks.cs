using BenchmarkDotNet.Attributes;
using NeuralVision.Tools.Jump;

namespace NeuralVision.Tools.Benchmarks;

/// <summary>The hook's operation: one visit to a directory that is already in a 10k-entry database.</summary>
[MemoryDiagnoser]
public class AddBenchmarks
{
    private BenchmarkStore? store;
    private JumpDatabase? database;
    private string[] existing = [];
    private long now;

    [Params(10_000)]
    public int Entries { get; set; }

    [GlobalSetup(Target = nameof(AddExisting))]
    public void SetupOpen()
    {
        SetupClosed();
        database = JumpDatabase.OpenForWriting(Store.DatabasePath);
    }

    // No long-lived connection here: each call must open and close the only one, so the close checkpoints the WAL.
    [GlobalSetup(Target = nameof(OpenAddExistingClose))]
    public void SetupClosed()
    {
        store = BenchmarkStore.Create(Entries);
        existing = [PathGenerator.TargetPath];
        now = PathGenerator.Now;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        database?.Dispose();
        store?.Dispose();
    }

    /// <summary>One UPSERT transaction on an open connection.</summary>
    [Benchmark(Baseline = true)]
    public void AddExisting() => Database.Add(existing, 1, ++now, BenchmarkStore.MaxAge);

    /// <summary>
    /// What one `nvt add` process does with the database: open, UPSERT, close. Closing the last connection checkpoints
    /// the WAL, so this includes that cost, fsyncs included (the database lives under the system temp directory).
    /// </summary>
    [Benchmark]
    public void OpenAddExistingClose()
    {
        using var opened = JumpDatabase.OpenForWriting(Store.DatabasePath);
        opened.Add(existing, 1, ++now, BenchmarkStore.MaxAge);
    }

    private BenchmarkStore Store => store ?? throw new InvalidOperationException("Setup has not run");

    private JumpDatabase Database => database ?? throw new InvalidOperationException("Setup has not run");
}
