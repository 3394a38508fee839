using System.CommandLine;
using System.Globalization;
using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools.Jump.Commands;

/// <summary>`nvt explain`: why `nvt query` with these keywords goes where it goes, and why not elsewhere.</summary>
internal static class ExplainCommand
{
    public static Command Create(INvtContext context)
    {
        var keywords = new Argument<string[]>("KEYWORDS")
        {
            Description = "The keywords you would give `nvt query` or `z`",
            Arity = ArgumentArity.OneOrMore,
        };
        var kinds = new KindOptions(KindFilter.Directories);
        var command = new Command("explain", "Show why each candidate matches the keywords or not, and how its score is made") { keywords };
        kinds.AddTo(command);
        command.SetAction(result => Run(context, result.GetValue(keywords) ?? [], kinds.Read(result)));
        return command;
    }

    public static int Run(INvtContext context, IReadOnlyList<string> keywords, KindFilter kinds)
    {
        var service = new JumpService(context.Settings, context.FileSystem, context.Environment.CurrentDirectory);
        var now = context.Clock.GetUtcNow();
        var outcome = service.ReadAll(now);
        Report.Quarantine(context, outcome);
        var candidates = MatchExplainer.Explain(
            outcome.Value, keywords, kinds, ExcludeList.FromSettings(context.Settings), context.FileSystem, now.ToUnixTimeSeconds());

        string query = "nvt query " + string.Join(' ', keywords);
        if (candidates.Count == 0)
        {
            context.Error.WriteLine($"nvt: no entry contains any of the keywords, so {query} finds nothing");
            return ExitCodes.NoMatch;
        }

        var output = context.Output;
        var best = candidates.FirstOrDefault(candidate => candidate.IsBest);
        output.Write(best is null ? $"{query} finds nothing; the candidates:\n" : $"{query} goes to {best.Entry.Path}\n");
        var matcher = new KeywordMatcher(keywords);
        if (matcher.IsCaseSensitive)
        {
            output.Write("(case-sensitive: a keyword has an upper-case letter)\n");
        }

        int number = 0;
        foreach (var candidate in candidates)
        {
            number++;
            string kind = candidate.Entry.Kind == EntryKind.File ? " (file)" : string.Empty;
            string verdict = candidate.IsBest ? "  <- the answer" : candidate.IsReturned ? string.Empty : "  (not returned)";
            output.Write($"\n{number,2}. {candidate.Entry.Path}{kind}{verdict}\n");
            if (candidate.IsReturned)
            {
                output.Write(candidate.ExactLastComponent
                    ? "    matches; its last component is the last keyword, so it ranks before matches that only contain it\n"
                    : "    matches\n");
            }

            foreach (string reason in candidate.Reasons)
            {
                output.Write($"    - {reason}\n");
            }

            output.Write(string.Create(
                CultureInfo.InvariantCulture,
                $"    score {candidate.Score:0.0##} = rank {candidate.Entry.Rank:0.0##} x {candidate.Recency.Factor} (last visit {Age(candidate.AgeSeconds)}: {candidate.Recency.Name})\n"));
        }

        return ExitCodes.Ok;
    }

    /// <summary>"42 seconds ago", "3 hours ago", "12 days ago".</summary>
    private static string Age(long seconds) => seconds switch
    {
        < 0 => "in the future",
        < 120 => Ago(seconds, "second"),
        < 2 * 3600 => Ago(seconds / 60, "minute"),
        < 2 * 86400 => Ago(seconds / 3600, "hour"),
        _ => Ago(seconds / 86400, "day"),
    };

    private static string Ago(long count, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {unit}{(count == 1 ? string.Empty : "s")} ago");
}
