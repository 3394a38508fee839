namespace NeuralVision.Tools.SshProfile;

/// <summary>
/// Finds the destination in ssh's argument list with ssh's own option grammar (OpenSSH 9 <c>ssh.c</c>): options that
/// take an argument (<c>-p 2222</c> or <c>-p2222</c>), flags that can be bundled (<c>-4Ct</c>), <c>--</c> ending the
/// options. The first other token is the destination; what follows is options again and then the remote command,
/// which does not change the destination but does say whether the session is an interactive login.
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
        var flags = new HashSet<char>();
        SshDestination? destination = null;
        bool remoteCommand = false;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg == "--")
            {
                // Before the destination: the next token is it; after it: the rest is the remote command.
                if (destination is null && i + 1 < args.Count)
                {
                    destination = ParseDestination(i + 1, args[i + 1]);
                    remoteCommand = i + 2 < args.Count;
                }
                else
                {
                    remoteCommand |= destination is not null && i + 1 < args.Count;
                }

                break;
            }

            if (arg.Length < 2 || arg[0] != '-')
            {
                if (destination is not null)
                {
                    remoteCommand = true;
                    break;
                }

                destination = ParseDestination(i, arg);
                continue;
            }

            for (int j = 1; j < arg.Length; j++)
            {
                char option = arg[j];
                flags.Add(option);
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

        bool queryOnly = flags.Contains('G') || flags.Contains('V') || flags.Contains('Q');
        // A login shell on a terminal, as ssh gives one: no remote command (or -t to force one), and nothing that
        // asks for no session (-T, -N, -f, -W).
        bool interactive = (!remoteCommand || flags.Contains('t'))
            && !flags.Contains('T') && !flags.Contains('N') && !flags.Contains('f') && !flags.Contains('W');
        return new SshCommandLine(destination, queryOnly, interactive);
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
