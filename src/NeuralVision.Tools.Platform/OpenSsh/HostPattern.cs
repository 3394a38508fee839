namespace NeuralVision.Tools.Platform.OpenSsh;

/// <summary>
/// Host patterns as ssh_config writes them: <c>*</c> matches any run of characters (also none, also dots), <c>?</c>
/// exactly one, everything else itself. Host names are compared ignoring ASCII case, as DNS and ssh do.
/// </summary>
public static class HostPattern
{
    public static bool IsMatch(string pattern, string text)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(text);

        // Iterative wildcard matching with one backtrack point: linear for patterns with a single '*', never
        // exponential.
        int p = 0, t = 0, starP = -1, starT = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starT = t;
            }
            else if (p < pattern.Length && (pattern[p] == '?' || char.ToLowerInvariant(pattern[p]) == char.ToLowerInvariant(text[t])))
            {
                p++;
                t++;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                t = ++starT;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
