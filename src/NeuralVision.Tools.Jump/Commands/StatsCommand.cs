using System.CommandLine;
using System.Globalization;
using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools.Jump.Commands;

/// <summary>`nvt stats`: how big the database is and what ranks highest.</summary>
internal static class StatsCommand
{
    public const int TopCount = 10;

    /// <summary>The width of the longest bar; the others are scaled to the highest score.</summary>
    public const int BarWidth = 30;

    public static Command Create(INvtContext context)
    {
        var command = new Command("stats", "Show entry counts, total rank, the ten highest scores and where the database is");
        command.SetAction(_ => Run(context));
        return command;
    }

    public static int Run(INvtContext context)
    {
        var service = new JumpService(context.Settings, context.FileSystem, context.Environment.CurrentDirectory);
        var now = context.Clock.GetUtcNow();
        long unixNow = now.ToUnixTimeSeconds();
        var output = context.Output;

        // Read first: a database nvt cannot use is an error (exit 2), and visits in the journal create the database.
        var outcome = service.ReadAll(now);
        Report.Quarantine(context, outcome);
        if (!service.DatabaseExists)
        {
            output.Write($"database    {service.DatabasePath} (does not exist yet: nothing recorded)\n");
            return ExitCodes.Ok;
        }

        var entries = outcome.Value;
        int files = entries.Count(entry => entry.Kind == EntryKind.File);
        int missing = entries.Count(entry => !entry.ExistsIn(context.FileSystem));
        double totalRank = entries.Sum(entry => entry.Rank);

        output.Write($"database    {service.DatabasePath} ({DatabaseSize(service.DatabasePath)})\n");
        output.Write(string.Create(
            CultureInfo.InvariantCulture,
            $"entries     {entries.Count}: {entries.Count - files} {Plural(entries.Count - files, "directory", "directories")}, {files} {Plural(files, "file", "files")}"));
        output.Write(missing > 0 ? $" ({missing} missing on disk now)\n" : "\n");
        output.Write(string.Create(
            CultureInfo.InvariantCulture,
            $"total rank  {totalRank:0.0} (aged when it passes NVT_MAXAGE = {context.Settings.MaxAge:0.#})\n"));
        if (entries.Count == 0)
        {
            return ExitCodes.Ok;
        }

        var top = JumpRanking.Order(entries, new KeywordMatcher([]), unixNow).Take(TopCount).ToList();
        double best = top[0].Score(unixNow);
        output.Write($"top {top.Count} by score\n");
        foreach (var entry in top)
        {
            double score = entry.Score(unixNow);
            int width = best > 0 ? (int)Math.Round(score / best * BarWidth) : 0;
            output.Write($"{ListCommand.FormatScore(score)} {new string('#', Math.Max(width, score > 0 ? 1 : 0)).PadRight(BarWidth)} {entry.Path}\n");
        }

        return ExitCodes.Ok;
    }

    private static string DatabaseSize(string path)
    {
        string size = FormatBytes(new FileInfo(path).Length);
        var wal = new FileInfo(path + "-wal");
        return wal.Exists && wal.Length > 0 ? $"{size}, plus {FormatBytes(wal.Length)} of write-ahead log" : size;
    }

    private static string FormatBytes(long bytes) => bytes < 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes")
        : bytes < 1024 * 1024
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MiB");

    private static string Plural(int count, string one, string many) => count == 1 ? one : many;
}
