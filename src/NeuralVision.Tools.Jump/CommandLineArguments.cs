using System.Text;

namespace NeuralVision.Tools.Jump;

/// <summary>
/// The paths worth recording from a command line the user ran (fasd's --sanitize and --proc): the line is split into
/// words as the shell would (quotes and backslashes), with command separators, redirections and substitutions treated
/// as word breaks; leading prefixes such as sudo are skipped; ignored commands and any line with --help give nothing.
/// Words that use shell expansion other than a leading ~ are left out, since nvt cannot know what they expanded to.
/// </summary>
public static class CommandLineArguments
{
    private const string HelpOption = "--help";
    private const string Separators = "|&;<>(){}`";

    /// <summary>The candidate paths among the arguments of <paramref name="commandLine"/>, in order, without duplicates.</summary>
    public static IReadOnlyList<string> CandidatePaths(string commandLine, IReadOnlyList<string> ignored, IReadOnlyList<string> shifted, string home)
    {
        var words = Split(commandLine);
        int first = 0;
        while (first < words.Count && shifted.Contains(words[first].Text, StringComparer.Ordinal))
        {
            first++;
        }

        if (first >= words.Count
            || ignored.Contains(words[first].Text, StringComparer.Ordinal)
            || words.Any(word => word.Text == HelpOption))
        {
            return [];
        }

        var paths = new List<string>();
        foreach (var word in words.Skip(first + 1))
        {
            if (word.Expands || word.Text.Length == 0 || (word.Text.StartsWith('-') && !word.Quoted))
            {
                continue;
            }

            string path = word.Text == "~" ? home
                : word.Text.StartsWith("~/", StringComparison.Ordinal) && !word.Quoted ? home + word.Text[1..]
                : word.Text;
            if (!paths.Contains(path, StringComparer.Ordinal))
            {
                paths.Add(path);
            }
        }

        return paths;
    }

    public static List<CommandLineWord> Split(string line)
    {
        var words = new List<CommandLineWord>();
        var text = new StringBuilder();
        bool inWord = false, quoted = false, expands = false;

        void EndWord()
        {
            if (inWord)
            {
                words.Add(new CommandLineWord(text.ToString(), quoted, expands));
            }

            text.Clear();
            inWord = quoted = expands = false;
        }

        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (char.IsWhiteSpace(c) || Separators.Contains(c, StringComparison.Ordinal))
            {
                EndWord();
            }
            else if (c == '\\' && i + 1 < line.Length)
            {
                inWord = true;
                text.Append(line[++i]);
            }
            else if (c == '\'')
            {
                int end = line.IndexOf('\'', i + 1);
                end = end < 0 ? line.Length : end;
                text.Append(line, i + 1, end - i - 1);
                inWord = quoted = true;
                i = end;
            }
            else if (c == '"')
            {
                inWord = quoted = true;
                for (i++; i < line.Length && line[i] != '"'; i++)
                {
                    if (line[i] == '\\' && i + 1 < line.Length && "\"\\$`".Contains(line[i + 1], StringComparison.Ordinal))
                    {
                        i++;
                    }
                    else if (line[i] is '$' or '`')
                    {
                        expands = true;
                    }

                    text.Append(line[i]);
                }
            }
            else
            {
                inWord = true;
                expands |= c is '$' or '*' or '?' or '[';
                text.Append(c);
            }
        }

        EndWord();
        return words;
    }
}
