using System.CommandLine;
using NeuralVision.Tools.Jump.Import;
using NeuralVision.Tools.Jump.Store;
using NeuralVision.Tools.Platform;
using NeuralVision.Tools.Platform.Files;

namespace NeuralVision.Tools.Jump.Commands;

/// <summary>`nvt import`: bring the history of fasd, z, zoxide, autojump or z.lua into nvt's database.</summary>
internal static class ImportCommand
{
    /// <summary>Bad lines listed before "and N more"; a wrong file can have thousands.</summary>
    private const int MaxProblemsShown = 20;

    public static Command Create(INvtContext context)
    {
        var from = new Option<string>("--from")
        {
            Description = "The jumper whose data to import (its default location is used when PATH is omitted)",
            Required = true,
            HelpName = "fasd|z|zoxide|autojump|zlua",
        };
        from.AcceptOnlyFromAmong([.. ImportFormats.Names]);
        var path = new Argument<string?>("PATH")
        {
            Description = "The data file (default: where the jumper keeps it, see the README)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var merge = new Option<bool>("--merge") { Description = "Add to a database that already has entries: ranks of the same path are summed, the later visit time kept" };
        var skipBad = new Option<bool>("--skip-bad") { Description = "Skip malformed lines (each is reported) instead of importing nothing" };
        var command = new Command("import", "Import the history of another directory jumper") { from, path, merge, skipBad };
        command.SetAction(result => Run(
            context,
            ImportFormats.Parse(result.GetValue(from)!),
            result.GetValue(path),
            result.GetValue(merge),
            result.GetValue(skipBad)));
        return command;
    }

    public static int Run(INvtContext context, ImportFormat format, string? path, bool merge, bool skipBad)
    {
        string file = path is null ? DefaultFile(context, format) : PathNormalizer.Normalize(path, context.Environment.CurrentDirectory);
        var now = context.Clock.GetUtcNow();
        ImportFile parsed;
        try
        {
            parsed = JumpImporter.Read(format, file, context.FileSystem, now.ToUnixTimeSeconds(), Store.RankAging.MaximumRank(context.Settings.MaxAge));
        }
        catch (FileReadException e)
        {
            // Its reason is the second half of a sentence ("is a FIFO, not a regular file", "no such file or directory").
            throw new NvtException($"cannot read {file}: {e.Reason}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NvtException($"cannot read {file}: {e.Message}");
        }

        foreach (var problem in parsed.Problems.Take(MaxProblemsShown))
        {
            context.Error.WriteLine(skipBad ? $"nvt: {problem} (skipped)" : $"nvt: {problem}");
        }

        if (parsed.Problems.Count > MaxProblemsShown)
        {
            context.Error.WriteLine($"nvt: ... and {parsed.Problems.Count - MaxProblemsShown} more");
        }

        if (parsed.Problems.Count > 0 && !skipBad)
        {
            throw new NvtException(
                $"{file}: not a valid {ImportFormats.Name(format)} file; nothing imported (--skip-bad imports the good lines)",
                ExitCodes.BadImportFile);
        }

        var service = new JumpService(context.Settings, context.FileSystem, context.Environment.CurrentDirectory);
        JumpOutcome<ImportCounts> outcome;
        try
        {
            outcome = service.Import(parsed.Entries, merge, now);
        }
        catch (DatabaseNotEmptyException e)
        {
            throw new NvtException(
                $"{e.Message} ({service.DatabasePath}); importing would mix the two histories, so nothing was imported: "
                + "add --merge to combine them (ranks of the same path are summed, the later visit time is kept)");
        }

        Report.Quarantine(context, outcome);
        var counts = outcome.Value;
        context.Output.Write($"imported {counts.Added}, merged {counts.Merged}, skipped {parsed.SkippedEntries} from {file}\n");

        if (parsed.LoweredRanks > 0)
        {
            string bound = Store.RankAging.MaximumRank(context.Settings.MaxAge).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
            context.Output.Write(
                $"lowered {parsed.LoweredRanks} {(parsed.LoweredRanks == 1 ? "rank" : "ranks")} above {bound} (NVT_MAXAGE / 10) to {bound}\n");
        }

        int missing = parsed.Entries.Select(entry => entry.Path).Distinct(StringComparer.Ordinal)
            .Count(entryPath => !context.FileSystem.DirectoryExists(entryPath) && !context.FileSystem.FileExists(entryPath));
        if (missing > 0)
        {
            context.Output.Write(
                $"kept {missing} {(missing == 1 ? "path that does not" : "paths that do not")} exist now "
                + "(queries skip them; an unmounted drive may hold them; `nvt prune` removes them)\n");
        }

        if (counts.DroppedByAging > 0)
        {
            context.Output.Write(
                $"aged the database to NVT_MAXAGE: {counts.DroppedByAging} {(counts.DroppedByAging == 1 ? "entry" : "entries")} fell under rank 1 and were dropped\n");
        }

        return ExitCodes.Ok;
    }

    private static string DefaultFile(INvtContext context, ImportFormat format)
    {
        if (ImportLocations.Find(format, context.Settings) is string found)
        {
            return found;
        }

        var candidates = ImportLocations.Candidates(format, context.Settings);
        throw new NvtException(
            $"no {ImportFormats.Name(format)} data found at {string.Join(" or ", candidates)}; give its path: nvt import --from {ImportFormats.Name(format)} PATH");
    }
}
