using System.Globalization;

namespace NeuralVision.Tools.Platform.OpenSsh;

/// <summary>What ssh's configuration makes of a destination: <c>ssh -G</c>'s hostname, user and port.</summary>
public sealed record ResolvedHost(string? HostName, string? User, int? Port)
{
    /// <summary>
    /// Reads the output of <c>ssh -G ARGS</c>: one "keyword value" per line, keywords in lower case. Only the three
    /// keywords nvt matches on are kept; anything unexpected is ignored rather than trusted.
    /// </summary>
    public static ResolvedHost Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        string? hostName = null;
        string? user = null;
        int? port = null;
        foreach (var (keyword, value) in Lines(output))
        {
            switch (keyword)
            {
                case "hostname":
                    hostName ??= value;
                    break;
                case "user":
                    user ??= value;
                    break;
                case "port" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed):
                    port ??= parsed;
                    break;
            }
        }

        return new ResolvedHost(hostName, user, port);
    }

    /// <summary>The "keyword value" pairs of <c>ssh -G</c>'s output, in order; lines without a value are skipped.</summary>
    internal static IEnumerable<(string Keyword, string Value)> Lines(string output)
    {
        foreach (string rawLine in output.Split('\n'))
        {
            string line = rawLine.TrimEnd('\r');
            int space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0)
            {
                yield return (line[..space], line[(space + 1)..].Trim());
            }
        }
    }
}
