using System.CommandLine;

namespace NeuralVision.Tools;

/// <summary>
/// A command name nvt does not have (`nvt qurey`), found before System.CommandLine parses, so the message can name it
/// and suggest the closest one instead of "Required command was not provided".
/// </summary>
internal static class UnknownCommand
{
    /// <summary>
    /// Walks the names at the front of <paramref name="args"/> down the tree; returns the path typed so far and the
    /// first name that matches no subcommand of a command that has nothing but subcommands, or null when all is well.
    /// </summary>
    public static (string TypedPath, string Name, Command Parent)? Find(RootCommand root, IReadOnlyList<string> args)
    {
        Command current = root;
        var path = new List<string>();
        foreach (string arg in args)
        {
            if (arg.StartsWith('-') || arg.StartsWith('[') || current.Subcommands.Count == 0)
            {
                return null;
            }

            var next = current.Subcommands.FirstOrDefault(command => command.Name == arg || command.Aliases.Contains(arg));
            if (next is null)
            {
                return current.Arguments.Count == 0 ? (string.Join(' ', path), arg, current) : null;
            }

            path.Add(arg);
            current = next;
        }

        return null;
    }

    /// <summary>The visible subcommand closest to <paramref name="typed"/> (a typo or two away), or null.</summary>
    public static string? Closest(Command parent, string typed)
    {
        var candidates = parent.Subcommands.Where(command => !command.Hidden).Select(command => command.Name).ToList();
        var prefixed = candidates.Where(name => name.StartsWith(typed, StringComparison.Ordinal)).ToList();
        if (typed.Length >= 2 && prefixed.Count == 1)
        {
            return prefixed[0];
        }

        int allowed = Math.Max(1, Math.Min(2, typed.Length / 3));
        return candidates
            .Select(name => (Name: name, Distance: Distance(typed, name)))
            .Where(candidate => candidate.Distance <= allowed)
            .OrderBy(candidate => candidate.Distance)
            .ThenBy(candidate => candidate.Name, StringComparer.Ordinal)
            .Select(candidate => candidate.Name)
            .FirstOrDefault();
    }

    /// <summary>Edits between two names, a swap of neighbours counting as one (optimal string alignment).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
