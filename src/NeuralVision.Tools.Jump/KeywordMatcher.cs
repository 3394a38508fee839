using NeuralVision.Tools.Platform.Files;

namespace NeuralVision.Tools.Jump;

/// <summary>
/// zoxide's matching rules with smart case: keywords are literal substrings, matched in order without overlapping; the
/// last keyword must match inside the last path component; a keyword may contain '/'. The match is case-insensitive
/// unless some keyword has an upper-case letter.
/// </summary>
public sealed class KeywordMatcher
{
    private readonly string[] keywords;
    private readonly bool caseSensitive;
    private readonly StringComparison comparison;

    public KeywordMatcher(IReadOnlyList<string> keywords)
    {
        caseSensitive = keywords.Any(keyword => keyword.Any(char.IsUpper));
        comparison = caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        this.keywords = keywords.ToArray();
    }

    public bool IsCaseSensitive => caseSensitive;

    public bool HasKeywords => keywords.Length > 0;

    /// <summary>
    /// The part of the last keyword that must appear in the last path component, lower-cased: what the database can
    /// pre-filter on before the full rules run here. Empty when there is nothing to filter on.
    /// </summary>
    public string LastComponentHint
    {
        get
        {
            if (keywords.Length == 0)
            {
                return string.Empty;
            }

            string last = keywords[^1];
            string hint = last[(last.LastIndexOf('/') + 1)..];
            return hint.ToLowerInvariant();
        }
    }

    public bool IsMatch(string path)
    {
        if (keywords.Length == 0)
        {
            return true;
        }

        string last = keywords[^1];
        int index = path.LastIndexOf(last, comparison);
        if (index < 0 || path.IndexOf('/', index + last.Length) >= 0)
        {
            return false;
        }

        // Earlier keywords are found right to left, each ending before the start of the one after it.
        int end = index;
        for (int k = keywords.Length - 2; k >= 0; k--)
        {
            if (keywords[k].Length == 0)
            {
                continue;
            }

            end = path.AsSpan(0, end).LastIndexOf(keywords[k].AsSpan(), comparison);
            if (end < 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the path ends with the last keyword as whole components ("/foo" for `z foo`): such entries win ties.</summary>
    public bool IsExactLastComponent(string path)
    {
        if (keywords.Length == 0)
        {
            return false;
        }

        string last = keywords[^1].TrimEnd('/');
        if (last.Length == 0)
        {
            return false;
        }

        return path.EndsWith(last, comparison)
            && (last[0] == '/' || (path.Length > last.Length && path[path.Length - last.Length - 1] == '/'));
    }

    /// <summary>
    /// Why <see cref="IsMatch"/> rejects the path, in words (for `nvt explain`), or null when it matches. It follows
    /// IsMatch step by step; a test checks that the two always agree.
    /// </summary>
    public string? WhyNotMatch(string path)
    {
        if (keywords.Length == 0)
        {
            return null;
        }

        string last = keywords[^1];
        int index = path.LastIndexOf(last, comparison);
        if (index < 0)
        {
            return WithCaseNote($"\"{last}\" is not in the path", path);
        }

        if (path.IndexOf('/', index + last.Length) >= 0)
        {
            return WithCaseNote(
                $"the last keyword \"{last}\" must match in the last component \"{PathNormalizer.LastComponent(path)}\"", path);
        }

        int end = index;
        string after = last;
        for (int k = keywords.Length - 2; k >= 0; k--)
        {
            if (keywords[k].Length == 0)
            {
                continue;
            }

            int found = path.AsSpan(0, end).LastIndexOf(keywords[k].AsSpan(), comparison);
            if (found < 0)
            {
                return WithCaseNote(
                    path.Contains(keywords[k], comparison)
                        ? $"\"{keywords[k]}\" is not before \"{after}\" (keywords match in order, without overlapping)"
                        : $"\"{keywords[k]}\" is not in the path",
                    path);
            }

            end = found;
            after = keywords[k];
        }

        return null;
    }

    /// <summary>Says when only the smart-case rule made the match fail.</summary>
    private string WithCaseNote(string reason, string path) =>
        caseSensitive && new KeywordMatcher(keywords.Select(keyword => keyword.ToLowerInvariant()).ToArray()).IsMatch(path)
            ? reason + " (case-sensitive: a keyword has an upper-case letter)"
            : reason;
}
