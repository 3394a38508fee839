using System.Text;

namespace NeuralVision.Tools.Keys.HostKeys;

/// <summary>
/// ssh's host key texts (sshconnect.c, checked against OpenSSH 9.2's output), word for word, so users recognise them
/// and the advice they already know applies. Pure: each returns text ending in "\n" (prompts end in "? " or ": "
/// instead), and the caller decides where it goes.
/// </summary>
public static class KnownHostsMessages
{
    /// <summary>ssh's question once an answer was neither yes, no nor the fingerprint.</summary>
    public const string AskAgainPrompt = "Please type 'yes', 'no' or the fingerprint: ";

    public const string VerificationFailed = "Host key verification failed.";

    private const string Banner = "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@";

    /// <summary>
    /// The "REMOTE HOST IDENTIFICATION HAS CHANGED" warning, ending with "Host key verification failed." The
    /// "Add correct host key in" file is the user's first known_hosts (where ssh would write), while the offending line
    /// and the ssh-keygen hint name the file that holds the old key. Unlike OpenSSH 9.2, the hint single-quotes its
    /// arguments, so a path with '$' or '`' can be pasted into a shell as it is.
    /// </summary>
    public static string ChangedWarning(KnownHostsResult result, string userKnownHostsFile)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(userKnownHostsFile);
        if (result is not { Status: KnownHostStatus.Changed, Entry: { } offending })
        {
            throw new ArgumentException("the host key has not changed", nameof(result));
        }

        var text = new StringBuilder();
        Line(text, Banner);
        Line(text, "@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @");
        Line(text, Banner);
        Line(text, "IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!");
        Line(text, "Someone could be eavesdropping on you right now (man-in-the-middle attack)!");
        Line(text, "It is also possible that a host key has just been changed.");
        Line(text, $"The fingerprint for the {result.DisplayType} key sent by the remote host is");
        Line(text, $"{result.Fingerprint}.");
        Line(text, "Please contact your system administrator.");
        Line(text, $"Add correct host key in {userKnownHostsFile} to get rid of this message.");
        Line(text, $"Offending {KnownHosts.DisplayType(offending.KeyType)} key in {offending.Location}");
        Line(text, "  remove with:");
        Line(text, $"  ssh-keygen -f {ShellQuote(offending.File)} -R {ShellQuote(result.HostName)}");
        Line(text, VerificationFailed);
        return text.ToString();
    }

    /// <summary>The "REVOKED HOST KEY DETECTED" warning, naming the @revoked line, ending with "Host key verification failed."</summary>
    public static string RevokedWarning(KnownHostsResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result is not { Status: KnownHostStatus.Revoked, Entry: { } revoked })
        {
            throw new ArgumentException("the host key is not revoked", nameof(result));
        }

        var text = new StringBuilder();
        Line(text, Banner);
        Line(text, "@       WARNING: REVOKED HOST KEY DETECTED!               @");
        Line(text, Banner);
        Line(text, $"The {result.DisplayType} host key for {result.HostName} is marked as revoked.");
        Line(text, "This could mean that a stolen key is being used to");
        Line(text, "impersonate this host.");
        // ssh does not say where; nvt does, since the only fix is editing that line.
        Line(text, $"Revoked {result.DisplayType} key in {revoked.Location}");
        Line(text, VerificationFailed);
        return text.ToString();
    }

    /// <summary>
    /// The question for an unknown host: first, for each other key type already known, ssh's "WARNING: RSA key found
    /// for host" note, then "The authenticity of host 'NAME (ADDRESS)' can't be established." (with "but keys of
    /// different type are already known for this host." when there are such keys), the fingerprint, and
    /// "Are you sure you want to continue connecting (yes/no/[fingerprint])? ". ssh 8.5+ also lists other names that
    /// hold the same key; nvt does not.
    /// </summary>
    /// <param name="address">
    /// The server's address as ssh shows it ("192.0.2.7", or "[192.0.2.7]:2222" on another port); null leaves the
    /// parenthesis out.
    /// </param>
    public static string UnknownHostPrompt(KnownHostsResult result, string? address)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Status != KnownHostStatus.Unknown)
        {
            throw new ArgumentException("the host is not unknown", nameof(result));
        }

        var text = new StringBuilder();
        foreach (var other in result.OtherKeys)
        {
            string type = KnownHosts.DisplayType(other.KeyType);
            Line(text, $"WARNING: {type} key found for host {result.HostName}");
            Line(text, $"in {other.Location}");
            Line(text, $"{type} key fingerprint {other.Fingerprint}.");
        }

        string host = address is null ? result.HostName : $"{result.HostName} ({address})";
        Line(text, result.OtherKeys.Count == 0
            ? $"The authenticity of host '{host}' can't be established."
            : $"The authenticity of host '{host}' can't be established\nbut keys of different type are already known for this host.");
        Line(text, $"{result.DisplayType} key fingerprint is {result.Fingerprint}.");
        text.Append("Are you sure you want to continue connecting (yes/no/[fingerprint])? ");
        return text.ToString();
    }

    /// <summary>
    /// Reads one answer as ssh's confirm() does: only the first word counts, "yes" and "no" in any case, or the exact
    /// (case-sensitive, it is base64) fingerprint. An empty line or end of input (null) refuses, as in ssh, so a closed
    /// terminal can never loop or accept.
    /// </summary>
    public static HostKeyAnswer ParseAnswer(string? answer, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        if (answer is null)
        {
            return HostKeyAnswer.Refuse;
        }

        var word = answer.AsSpan().TrimStart(" \t");
        int end = word.IndexOfAny(" \t\r\n");
        word = end < 0 ? word : word[..end];
        if (word.IsEmpty || word.Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            return HostKeyAnswer.Refuse;
        }

        return word.Equals("yes", StringComparison.OrdinalIgnoreCase) || word.SequenceEqual(fingerprint)
            ? HostKeyAnswer.Accept
            : HostKeyAnswer.AskAgain;
    }

    /// <summary>ssh's note after appending: "Warning: Permanently added 'NAME' (ED25519) to the list of known hosts."</summary>
    public static string PermanentlyAdded(string hostName, string keyType)
    {
        ArgumentNullException.ThrowIfNull(hostName);
        ArgumentNullException.ThrowIfNull(keyType);
        return $"Warning: Permanently added '{hostName}' ({KnownHosts.DisplayType(keyType)}) to the list of known hosts.\n";
    }

    /// <summary>POSIX single quotes: nothing inside is special, and a quote itself is written '\''.</summary>
    private static string ShellQuote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
