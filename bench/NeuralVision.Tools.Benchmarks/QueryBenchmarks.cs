using BenchmarkDotNet.Attributes;
using NeuralVision.Tools.Jump;

namespace NeuralVision.Tools.Benchmarks;

/// <summary>`nvt query project12 module3` (best match) and `nvt query --list ...` against databases of growing size.</summary>
[MemoryDiagnoser]
public class QueryBenchmarks
{
    private static readonly JumpQuery Best = new(PathGenerator.QueryKeywords, [], null, IncludeMissing: false, Limit: 1);
    private static readonly JumpQuery List = Best with { Limit = null };

    private BenchmarkStore? store;
    private JumpDatabase? database;

    [Params(1_000, 10_000, 100_000)]
    public int Entries { get; set; }

    // The open-per-call benchmark gets no long-lived connection, so each of its calls opens and closes the only one,
    // as a process does.
    [GlobalSetup(Targets = [nameof(QueryBest), nameof(QueryList)])]
    public void SetupOpen()
    {
        SetupClosed();
        database = Store.OpenForReading();
    }

    [GlobalSetup(Target = nameof(OpenQueryBestClose))]
    public void SetupClosed()
    {
        store = BenchmarkStore.Create(Entries);
        using var check = store.OpenForReading();
        if (check.Query(Best, PathGenerator.Now, AlwaysExistsFileSystem.Instance).Count == 0)
        {
            throw new InvalidOperationException("the benchmark query matches nothing");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        database?.Dispose();
        store?.Dispose();
    }

    /// <summary>The engine alone, on a connection that is already open.</summary>
    [Benchmark(Baseline = true)]
    public IReadOnlyList<JumpEntry> QueryBest() => Database.Query(Best, PathGenerator.Now, AlwaysExistsFileSystem.Instance);

    [Benchmark]
    public IReadOnlyList<JumpEntry> QueryList() => Database.Query(List, PathGenerator.Now, AlwaysExistsFileSystem.Instance);

    /// <summary>What one `nvt query` process does with the database: open (schema check, pragmas), query, close.</summary>
    [Benchmark]
    public int OpenQueryBestClose()
    {
        using var opened = Store.OpenForReading();
        return opened.Query(Best, PathGenerator.Now, AlwaysExistsFileSystem.Instance).Count;
    }

    private BenchmarkStore Store => store ?? throw new InvalidOperationException("Setup has not run");

    private JumpDatabase Database => database ?? throw new InvalidOperationException("Setup has not run");
}
