using NeuralVision.Tools.Keys.Copy;
using NeuralVision.Tools.Platform.Files;
using NeuralVision.Tools.Platform.OpenSsh;
using NeuralVision.Tools.Platform.Terminals;
using Renci.SshNet.Common;

namespace NeuralVision.Tools.Keys.HostKeys;

/// <summary>
/// Decides, during SSH.NET's key exchange, whether the server's host key is trusted, the way ssh's
/// StrictHostKeyChecking=ask does (or accept-new with --accept-new). SSH.NET trusts every key unless told otherwise,
/// so every client nvt opens has this handler. Once a key is trusted it is pinned: later connections of the same run
/// (exec fallback, the login that checks the new key) must present the very same key.
/// </summary>
public sealed class HostKeyGate
{
    private readonly SshClientSettings settings;
    private readonly ITerminal terminal;
    private readonly Action<string> report;
    private readonly KnownHostsWriter writer;
    private readonly bool acceptNew;
    private readonly bool dryRun;
    private byte[]? pinned;
    private KnownHostsResult? pending;
    private KeyCopyException? rejection;

    /// <param name="acceptNew">Add an unknown host without asking (ssh's StrictHostKeyChecking=accept-new).</param>
    /// <param name="dryRun">Trust an accepted key for this run only: known_hosts is not written.</param>
    /// <param name="terminal">Where an unknown host key is asked about (only when the terminal is available).</param>
    /// <param name="report">Where a line for the person goes (stderr): unreadable known_hosts files, "Permanently added".</param>
    public HostKeyGate(SshClientSettings settings, ITerminal terminal, Action<string> report, KnownHostsWriter writer, bool acceptNew, bool dryRun)
    {
        this.settings = settings;
        this.terminal = terminal;
        this.report = report;
        this.writer = writer;
        this.acceptNew = acceptNew;
        this.dryRun = dryRun;
    }

    /// <summary>An unknown key the person has not been asked about yet (the connection was refused meanwhile).</summary>
    public bool HasPendingKey => pending is not null;

    public void OnHostKeyReceived(object? sender, HostKeyEventArgs e)
    {
        ArgumentNullException.ThrowIfNull(e);
        // This runs on SSH.NET's receive thread: a refusal is kept for the caller of Connect, never thrown here.
        try
        {
            e.CanTrust = Decide(e.HostKey);
        }
        catch (KeyCopyException refusal)
        {
            rejection = refusal;
            e.CanTrust = false;
        }
    }

    /// <summary>Throws the refusal decided during the key exchange, if there was one.</summary>
    public void ThrowIfRejected()
    {
        if (rejection is not null)
        {
            throw rejection;
        }
    }

    /// <summary>Asks about the pending unknown key on the terminal; on yes the key is written and pinned, else throws.</summary>
    public void ConfirmPendingKey()
    {
        var result = pending ?? throw new InvalidOperationException("no host key is waiting for an answer");
        pending = null;
        string prompt = KnownHostsMessages.UnknownHostPrompt(result, address: null);
        while (true)
        {
            switch (KnownHostsMessages.ParseAnswer(terminal.AskLine(prompt), result.Fingerprint))
            {
                case HostKeyAnswer.Accept:
                    Accept(result);
                    return;
                case HostKeyAnswer.Refuse:
                    throw new KeyCopyException($"host key for {result.HostName} not accepted; nothing was sent to the server");
                default:
                    prompt = KnownHostsMessages.AskAgainPrompt;
                    break;
            }
        }
    }

    private bool Decide(byte[] serverKey)
    {
        if (pinned is not null)
        {
            if (serverKey.AsSpan().SequenceEqual(pinned))
            {
                return true;
            }

            rejection = new KeyCopyException($"{settings.HostName} presented a different host key on a second connection; {KnownHostsMessages.VerificationFailed}");
            return false;
        }

        var result = KnownHosts.Check(
            [.. settings.UserKnownHostsFiles, .. settings.GlobalKnownHostsFiles], settings.HostName, settings.Port, serverKey, settings.HostKeyAlias);
        foreach (var unreadable in result.UnreadableFiles)
        {
            report($"nvt: cannot read {unreadable.Path}: {unreadable.Message}");
        }

        switch (result.Status)
        {
            case KnownHostStatus.Known:
                pinned = serverKey;
                return true;
            case KnownHostStatus.Revoked:
                rejection = Refusal(KnownHostsMessages.RevokedWarning(result), $"the host key of {result.HostName} is revoked");
                return false;
            case KnownHostStatus.Changed:
                rejection = Refusal(
                    KnownHostsMessages.ChangedWarning(result, settings.UserKnownHostsFiles.Count > 0 ? settings.UserKnownHostsFiles[0] : KnownHosts.SystemFile),
                    $"the host key of {result.HostName} has changed ({result.Entry!.Location}); nothing was sent to the server");
                return false;
            default:
                if (acceptNew)
                {
                    Accept(result);
                    return true;
                }

                if (terminal.IsAvailable)
                {
                    pending = result;
                    return false;
                }

                rejection = new KeyCopyException(
                    $"the host key of {result.HostName} is not in known_hosts ({result.DisplayType} {result.Fingerprint}) and there is no terminal to ask: " +
                    "check the fingerprint and pass --accept-new");
                return false;
        }
    }

    private void Accept(KnownHostsResult result)
    {
        pinned = result.ServerKey;
        if (dryRun)
        {
            return;
        }

        string path = settings.UserKnownHostsFiles.Count > 0
            ? settings.UserKnownHostsFiles[0]
            : throw new KeyCopyException("no UserKnownHostsFile to add the host key to");
        try
        {
            writer.Append(path, result.HostName, result.ServerKey, settings.HashKnownHosts);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KeyCopyException($"cannot add the host key to {path}: {FileErrors.Describe(e)}", e);
        }

        report(KnownHostsMessages.PermanentlyAdded(result.HostName, result.KeyType).TrimEnd('\n'));
    }

    private static KeyCopyException Refusal(string warning, string message) =>
        new(message, [.. warning.TrimEnd('\n').Split('\n')]);
}
