using System.Globalization;
using System.Net.Sockets;
using NeuralVision.Tools.Platform.OpenSsh;
using Renci.SshNet.Common;
using Renci.SshNet.Messages.Transport;

namespace NeuralVision.Tools.Keys.Copy;

/// <summary>
/// A failed connection or login said in one sentence naming the host, in nvt's words: SSH.NET's and the BCL's
/// exception messages never reach the person (the published binary's BCL messages are resource keys anyway).
/// </summary>
internal static class ConnectionErrors
{
    private const string TooManyFailures = "Too many authentication failures";

    public static KeyCopyException Describe(Exception e, SshClientSettings settings, KeyCopyCredentials credentials, TimeSpan timeout)
    {
        string where = string.Create(CultureInfo.InvariantCulture, $"{settings.HostName} port {settings.Port}");
        string destination = $"{settings.User}@{settings.HostName}";
        string message = e switch
        {
            SocketException { SocketErrorCode: SocketError.ConnectionRefused } => $"cannot connect to {where}: connection refused",
            SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain } =>
                $"could not resolve hostname {settings.HostName}: name or service not known",
            SocketException { SocketErrorCode: SocketError.TimedOut } or SshOperationTimeoutException =>
                string.Create(CultureInfo.InvariantCulture, $"connection to {where} timed out after {timeout.TotalSeconds:0} s"),
            SocketException { SocketErrorCode: SocketError.NetworkUnreachable } => $"cannot connect to {where}: network is unreachable",
            SocketException { SocketErrorCode: SocketError.HostUnreachable } => $"cannot connect to {where}: no route to host",
            SocketException { SocketErrorCode: SocketError.ConnectionReset } => $"connection to {where} was reset",
            SocketException socket => $"cannot connect to {where} ({socket.SocketErrorCode})",
            SshAuthenticationException when credentials.PasswordsAsked >= KeyCopyCredentials.PasswordAttempts =>
                $"permission denied for {destination}: {KeyCopyCredentials.PasswordAttempts} wrong passwords",
            SshAuthenticationException when credentials.PasswordUnavailable =>
                $"permission denied for {destination}: no key was accepted and no password was given (no terminal, or SSH_ASKPASS gave none)",
            SshAuthenticationException => $"permission denied for {destination}{ServerMethods(e)}",
            SshConnectionException when e.Message.Contains(TooManyFailures, StringComparison.Ordinal) =>
                string.Create(CultureInfo.InvariantCulture,
                    $"{destination} closed the connection after too many failed keys (its MaxAuthTries; the agent holds {credentials.AgentIdentities.Count}): pass -o IdentitiesOnly=yes to offer only the IdentityFiles"),
            SshConnectionException closed => $"{where} closed the connection ({Reason(closed.DisconnectReason)})",
            ProxyException => $"the proxy to {where} failed",
            _ => $"the SSH connection to {where} failed (no common algorithm, or not an SSH server)",
        };
        return new KeyCopyException(message, e);
    }

    /// <summary>", which accepts publickey,password": the methods the server still offers, from SSH.NET's refusal.</summary>
    private static string ServerMethods(Exception e)
    {
        int open = e.Message.IndexOf('(', StringComparison.Ordinal);
        int close = e.Message.IndexOf(')', StringComparison.Ordinal);
        return open >= 0 && close > open + 1 && e.Message.StartsWith("Permission denied", StringComparison.Ordinal)
            ? $" (the server accepts: {e.Message[(open + 1)..close]})"
            : "";
    }

    private static string Reason(DisconnectReason reason) => reason switch
    {
        DisconnectReason.TooManyConnections => "too many connections",
        DisconnectReason.ConnectionLost => "the connection was lost",
        DisconnectReason.ByApplication => "the server ended it",
        DisconnectReason.HostNotAllowedToConnect => "this host is not allowed to connect",
        DisconnectReason.NoMoreAuthenticationMethodsAvailable => "no authentication method left",
        DisconnectReason.KeyExchangeFailed => "the key exchange failed",
        DisconnectReason.ProtocolError => "a protocol error",
        _ => "reason " + reason.ToString(),
    };
}
