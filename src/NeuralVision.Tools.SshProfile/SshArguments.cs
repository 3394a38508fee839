namespace NeuralVision.Tools.SshProfile;

/// <summary>
/// Finds the destination in ssh's argument list with ssh's own option grammar (OpenSSH 9 <c>ssh.c</c>): options that
/// take an argument (<c>-p 2222</c> or <c>-p2222</c>), flags that can be bundled (<c>-4Ct</c>), <c>--</c> ending the
/// options. The first other token is the destination; what follows is options again and then the remote command,
/// which does not change the destination.
/// </summary>
public static class SshArguments
{
    /// <summary>ssh options that take an argument.</summary>
    public const string OptionsWithArgument = "BbcDEeFIiJLlmOoPpQRSWw";

    /// <summary>ssh options that take none.</summary>
    public const string Flags = "46AaCfGgKkMNnqsTtVvXxYy";

    public static SshCommandLine Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        bool queryOnly = false;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg == "--")
            {
                return new SshCommandLine(i + 1 < args.Count ? ParseDestination(i + 1, args[i + 1]) : null, queryOnly);
            }

            if (arg.Length < 2 || arg[0] != '-')
            {
                return new SshCommandLine(ParseDestination(i, arg), queryOnly);
            }

            for (int j = 1; j < arg.Length; j++)
            {
                char option = arg[j];
                if (option is 'G' or 'V' or 'Q')
                {
                    queryOnly = true;
                }

                if (OptionsWithArgument.Contains(option, StringComparison.Ordinal))
                {
                    // The rest of the token is the argument (-p2222); otherwise the next token is (-p 2222).
                    if (j == arg.Length - 1)
                    {
                        i++;
                    }

                    break;
                }

                // Flags, and letters ssh does not know (ssh itself then prints its usage and exits 255).
            }
        }

        return new SshCommandLine(null, queryOnly);
    }

    /// <summary>
    /// Splits a destination the way ssh does: <c>ssh://[user@]host[:port]</c>, or <c>[user@]host</c> where the last
    /// '@' separates the user (user names may contain '@').
    /// </summary>
    public static SshDestination ParseDestination(int index, string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        const string Scheme = "ssh://";
        if (token.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            string rest = token[Scheme.Length..].TrimEnd('/');
            string? uriUser = null;
            int at = rest.LastIndexOf('@');
            if (at >= 0)
            {
                uriUser = Uri.UnescapeDataString(rest[..at]);
                rest = rest[(at + 1)..];
            }

            int? port = null;
            string host = rest;
            if (rest.StartsWith('[') && rest.IndexOf(']', StringComparison.Ordinal) is int close and > 0)
            {
                host = rest[1..close];
                if (close + 1 < rest.Length && rest[close + 1] == ':')
                {
                    port = ParsePort(rest[(close + 2)..]);
                }
            }
            else if (rest.LastIndexOf(':') is int colon and >= 0)
            {
                host = rest[..colon];
                port = ParsePort(rest[(colon + 1)..]);
            }

            return new SshDestination(index, token, host, uriUser, port);
        }

        int userEnd = token.LastIndexOf('@');
        return userEnd >= 0
            ? new SshDestination(index, token, token[(userEnd + 1)..], token[..userEnd], null)
            : new SshDestination(index, token, token, null, null);
    }

    private static int? ParsePort(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int port) && port is > 0 and < 65536
            ? port
            : null;
}
