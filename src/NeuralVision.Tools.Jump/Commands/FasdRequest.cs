using System.Globalization;
using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools.Jump.Commands;

/// <summary>What fasd's own command line asked for (`fasd [options] [query ...]`, `fasd -A|-D paths`).</summary>
public sealed record FasdRequest(
    FasdAction Action,
    IReadOnlyList<string> Words,
    KindFilter Kinds = KindFilter.Any,
    RankingMode Ranking = RankingMode.Frecency,
    bool Show = false,
    bool List = false,
    bool Interactive = false,
    bool Reverse = false,
    int? Nth = null,
    string? Exec = null)
{
    /// <summary>fasd's one-letter options, in the order `fasd -h` lists them: the parser and the help both read this.</summary>
    public static readonly IReadOnlyList<(string Spelling, string? Value, string Description)> Options =
    [
        ("-s", null, "List paths with scores"),
        ("-l", null, "List paths without scores"),
        ("-i", null, "Choose interactively (fzf, or a numbered list)"),
        ("-e", "CMD", "Run CMD with the chosen path as its last argument"),
        ("-a", null, "Match files and directories (the default of nvt fasd itself)"),
        ("-d", null, "Match directories only"),
        ("-f", null, "Match files only"),
        ("-r", null, "Match by rank only"),
        ("-t", null, "Match by recent access only"),
        ("-R", null, "Reverse the listing order"),
        ("-[0-9]", null, "Select the Nth entry"),
        ("-A", "PATH...", "Add paths"),
        ("-D", "PATH...", "Delete paths"),
        ("-h", null, "Show this help"),
    ];

    /// <summary>
    /// Reads the arguments as fasd 1.0.1 reads them: letters may be grouped (`-sid`); -e takes the rest of its group or
    /// the next argument (`-ecat`, `-e cat`); `-2` selects the second entry; `--` makes every later argument a word;
    /// -A and -D take every later argument as a path. Unlike fasd, a letter it does not know is an error, not ignored.
    /// </summary>
    public static FasdRequest Parse(IReadOnlyList<string> args)
    {
        var request = new FasdRequest(FasdAction.Query, []);
        var words = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg == "--")
            {
                words.AddRange(args.Skip(i + 1));
                break;
            }

            if (arg is "-A" or "--add" or "-D" or "--delete")
            {
                return request with { Action = arg is "-A" or "--add" ? FasdAction.Add : FasdAction.Delete, Words = args.Skip(i + 1).ToList() };
            }

            if (arg is "--help")
            {
                return request with { Action = FasdAction.Help };
            }

            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new NvtException($"unknown fasd option '{arg}' (see 'nvt fasd -h')");
            }

            if (arg.Length < 2 || arg[0] != '-')
            {
                words.Add(arg);
                continue;
            }

            for (int j = 1; j < arg.Length; j++)
            {
                char letter = arg[j];
                if (char.IsAsciiDigit(letter))
                {
                    string digits = arg[j..];
                    if (!digits.All(char.IsAsciiDigit) || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int nth))
                    {
                        throw new NvtException($"fasd's -N takes a number, got '-{digits}'");
                    }

                    request = request with { Nth = nth };
                    break;
                }

                if (letter == 'e')
                {
                    string? command = j + 1 < arg.Length ? arg[(j + 1)..] : i + 1 < args.Count ? args[++i] : null;
                    request = request with { Exec = command ?? throw new NvtException("fasd's -e needs a command, e.g. f -e vim README") };
                    break;
                }

                request = letter switch
                {
                    's' => request with { Show = true },
                    'l' => request with { List = true },
                    'i' => request with { Interactive = true, Show = true },
                    'r' => request with { Ranking = RankingMode.Rank },
                    't' => request with { Ranking = RankingMode.Recent },
                    'a' => request with { Kinds = KindFilter.Any },
                    'd' => request with { Kinds = KindFilter.Directories },
                    'f' => request with { Kinds = KindFilter.Files },
                    'R' => request with { Reverse = true },
                    'h' => request with { Action = FasdAction.Help },
                    'b' or 'B' => throw new NvtException("fasd's backends (-b, -B) are not supported: nvt reads its own database only"),
                    _ => throw new NvtException($"unknown fasd option '-{letter}' (see 'nvt fasd -h')"),
                };
            }

            if (request.Action == FasdAction.Help)
            {
                return request;
            }
        }

        return request with { Words = words };
    }

    public bool Equals(FasdRequest? other) =>
        other is not null
        && Words.SequenceEqual(other.Words)
        && (Action, Kinds, Ranking, Show, List, Interactive, Reverse, Nth, Exec)
            == (other.Action, other.Kinds, other.Ranking, other.Show, other.List, other.Interactive, other.Reverse, other.Nth, other.Exec);

    public override int GetHashCode() => HashCode.Combine(Action, Words.Count, Kinds, Ranking, Nth, Exec);
}
