using System.Text;
using NeuralVision.Tools.Jump;
using NeuralVision.Tools.Jump.Sync;

namespace NeuralVision.Tools.Tests.Jump.Sync;

/// <summary>One machine of a <see cref="SyncWorld"/>: its own database and home path, syncing through the shared folder.</summary>
internal sealed class SyncMachine
{
    public SyncMachine(string name, string databasePath, string home, string folder)
    {
        Name = name;
        DatabasePath = databasePath;
        Home = home;
        Folder = folder;
    }

    public string Name { get; }

    public string DatabasePath { get; }

    public string Home { get; }

    public string Folder { get; }

    public double MaxAge { get; set; } = 1e9;

    private byte[] HomeBytes => Encoding.UTF8.GetBytes(Home);

    /// <summary>Visits a path given relative to home ("src/x") or absolute ("/srv/x").</summary>
    public void Visit(string path, long now)
    {
        using var database = JumpDatabase.OpenForWriting(DatabasePath);
        database.Add([Local(path)], 1, now, MaxAge);
    }

    public void Remove(string path, long now)
    {
        using var database = JumpDatabase.OpenForWriting(DatabasePath);
        database.Remove([Local(path)], now);
    }

    public FolderSyncResult Sync(long now)
    {
        using var database = JumpDatabase.OpenForWriting(DatabasePath);
        return FolderSync.Run(database, Folder, HomeBytes, now);
    }

    /// <summary>Every entry as portable path ("~/src/x" or "/srv/x") and rank.</summary>
    public SortedDictionary<string, double> Ranks()
    {
        using var database = JumpDatabase.OpenForWriting(DatabasePath);
        var ranks = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var entry in database.ReadAll())
        {
            ranks[Portable(entry.Path)] = entry.Rank;
        }

        return ranks;
    }

    public string Local(string path) => path.StartsWith('/') ? path : $"{Home}/{path}";

    private string Portable(string path) => path.StartsWith(Home + "/", StringComparison.Ordinal) ? path[(Home.Length + 1)..] : path;
}
