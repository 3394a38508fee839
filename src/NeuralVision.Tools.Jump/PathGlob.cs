namespace NeuralVision.Tools.Jump;

/// <summary>
/// A shell-style glob over whole paths: '*' matches any run of characters (slashes included, as zoxide's
/// _ZO_EXCLUDE_DIRS does), '?' one character, '[abc]' / '[a-z]' / '[!a]' a set, and '\' escapes the next character.
/// </summary>
public sealed class PathGlob
{
    private readonly string pattern;

    public PathGlob(string pattern)
    {
        ValidateBrackets(pattern);
        this.pattern = pattern;
    }

    public string Pattern => pattern;

    /// <summary>A glob that matches <paramref name="literal"/> and nothing else.</summary>
    public static PathGlob Literal(string literal)
    {
        var escaped = new System.Text.StringBuilder(literal.Length);
        foreach (char c in literal)
        {
            if (c is '*' or '?' or '[' or ']' or '\\')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return new PathGlob(escaped.ToString());
    }

    public bool IsMatch(string text) => Match(0, text, 0);

    private bool Match(int p, string text, int t)
    {
        while (p < pattern.Length)
        {
            char c = pattern[p];
            if (c == '*')
            {
                // Collapse runs of '*', then try every split point (patterns are short; paths are short).
                while (p < pattern.Length && pattern[p] == '*')
                {
                    p++;
                }

                if (p == pattern.Length)
                {
                    return true;
                }

                for (int start = t; start <= text.Length; start++)
                {
                    if (Match(p, text, start))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (t >= text.Length)
            {
                return false;
            }

            if (c == '?')
            {
                p++;
                t++;
                continue;
            }

            if (c == '[')
            {
                if (!MatchSet(ref p, text[t]))
                {
                    return false;
                }

                t++;
                continue;
            }

            if (c == '\\' && p + 1 < pattern.Length)
            {
                p++;
                c = pattern[p];
            }

            if (c != text[t])
            {
                return false;
            }

            p++;
            t++;
        }

        return t == text.Length;
    }

    private bool MatchSet(ref int p, char ch)
    {
        int i = p + 1;
        bool negate = i < pattern.Length && (pattern[i] == '!' || pattern[i] == '^');
        if (negate)
        {
            i++;
        }

        bool matched = false;
        bool first = true;
        while (pattern[i] != ']' || first)
        {
            char low = pattern[i];
            if (i + 2 < pattern.Length && pattern[i + 1] == '-' && pattern[i + 2] != ']')
            {
                char high = pattern[i + 2];
                matched |= ch >= low && ch <= high;
                i += 3;
            }
            else
            {
                matched |= ch == low;
                i++;
            }

            first = false;
        }

        p = i + 1;
        return matched != negate;
    }

    private static void ValidateBrackets(string pattern)
    {
        for (int i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\')
            {
                i++;
                continue;
            }

            if (pattern[i] != '[')
            {
                continue;
            }

            int j = i + 1;
            if (j < pattern.Length && (pattern[j] == '!' || pattern[j] == '^'))
            {
                j++;
            }

            // A ']' right after '[' (or '[!') is a member of the set, not its end.
            j++;
            while (j < pattern.Length && pattern[j] != ']')
            {
                j++;
            }

            if (j >= pattern.Length)
            {
                throw new FormatException($"unclosed '[' in '{pattern}'");
            }

            i = j;
        }
    }
}
