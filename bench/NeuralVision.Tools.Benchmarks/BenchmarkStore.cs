using NeuralVision.Tools.Jump;
using NeuralVision.Tools.Jump.Store;

namespace NeuralVision.Tools.Benchmarks;

/// <summary>A populated nvt.db in its own temporary directory, deleted on dispose.</summary>
public sealed class BenchmarkStore : IDisposable
{
    /// <summary>Large enough that aging never runs while the benchmarks add visits.</summary>
    public const double MaxAge = 1e12;

    private readonly DirectoryInfo directory;

    private BenchmarkStore(DirectoryInfo directory, IReadOnlyList<string> paths)
    {
        this.directory = directory;
        Paths = paths;
    }

    public string DatabasePath => System.IO.Path.Combine(directory.FullName, "nvt.db");

    public IReadOnlyList<string> Paths { get; }

    /// <summary>Creates a database holding <paramref name="entries"/> generated paths with varied ranks and ages.</summary>
    public static BenchmarkStore Create(int entries)
    {
        SqliteRuntime.Initialize();
        var store = new BenchmarkStore(Directory.CreateTempSubdirectory("nvt-bench-"), PathGenerator.Generate(entries));
        try
        {
            using var database = JumpDatabase.OpenForWriting(store.DatabasePath);

            // One Add per tier: a single transaction each, so 100k entries load in well under a second.
            database.Add(store.Paths, 1, PathGenerator.Now - (30 * 86_400), MaxAge);
            database.Add(PathGenerator.EveryNth(store.Paths, 5), 3, PathGenerator.Now - (2 * 86_400), MaxAge);
            database.Add(PathGenerator.EveryNth(store.Paths, 20), 10, PathGenerator.Now - 3_600, MaxAge);
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    public JumpDatabase OpenForReading() =>
        JumpDatabase.OpenForReading(DatabasePath) ?? throw new InvalidOperationException($"{DatabasePath} was not created");

    public void Dispose() => directory.Delete(recursive: true);
}
