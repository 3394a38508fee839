using System.Net.Sockets;
using NeuralVision.Tools.Keys.Agent;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace NeuralVision.Tools.Keys.Copy;

/// <summary>
/// The login with the new key alone that proves an installation: through the agent's copy of the key when the agent
/// holds it (no passphrase), else with the key file (its passphrase asked up to three times, as ssh asks it). A key
/// that cannot be unlocked is not a failed installation: the check says so and the key stays installed.
/// </summary>
internal static class LoginCheck
{
    /// <summary>ssh's NumberOfPasswordPrompts, which also bounds the passphrase prompts for one key.</summary>
    private const int PassphraseAttempts = 3;

    /// <returns>Null when the key logged in; else why it could not be tried (the key is installed either way).</returns>
    /// <exception cref="KeyCopyException">The server refused the key, or the login failed.</exception>
    public static string? Run(RemoteConnector connector, KeyInstallPlan plan)
    {
        var credentials = connector.Credentials;
        if (credentials.Agent is SshAgentClient agent && credentials.AgentCopyOf(plan.Key.Blob) is AgentIdentity held)
        {
            LogIn(connector, plan, new AgentKeySource(agent, held, sha256Too: true));
            return null;
        }

        if (plan.PrivateKeyPath is not string path)
        {
            return "there is no private key to log in with";
        }

        var (key, problem) = Open(path, credentials);
        if (key is null)
        {
            return problem;
        }

        using (key)
        {
            LogIn(connector, plan, key);
        }

        return null;
    }

    private static (PrivateKeyFile? Key, string? Problem) Open(string path, KeyCopyCredentials credentials)
    {
        if (!KeyCopyCredentials.IsEncrypted(path))
        {
            return KeyFiles.OpenForSshNet(path, null) is PrivateKeyFile plain ? (plain, null) : (null, $"SSH.NET cannot use {path} to log in");
        }

        for (int attempt = 0; attempt < PassphraseAttempts; attempt++)
        {
            string? passphrase = attempt == 0 ? credentials.Passphrase(path) : credentials.AskPassphraseAgain(path);
            if (string.IsNullOrEmpty(passphrase))
            {
                return (null, $"no passphrase was given for {path}");
            }

            if (KeyFiles.PassphraseOpens(path, passphrase) is false)
            {
                continue;
            }

            if (KeyFiles.OpenForSshNet(path, passphrase) is PrivateKeyFile key)
            {
                credentials.PassphraseWorked(path, passphrase);
                return (key, null);
            }

            return (null, $"SSH.NET cannot use {path} to log in");
        }

        return (null, $"the passphrase for {path} was wrong {PassphraseAttempts} times");
    }

    private static void LogIn(RemoteConnector connector, KeyInstallPlan plan, IPrivateKeySource key)
    {
        var settings = plan.Settings;
        string destination = $"{settings.User}@{settings.HostName}";
        try
        {
            using var client = connector.Connect(info => new SshClient(info), () => [new PrivateKeyAuthenticationMethod(settings.User, key)]);
        }
        catch (KeyCopyException e) when (e.InnerException is SshAuthenticationException)
        {
            throw new KeyCopyException($"the key was added to {destination}, but {destination} refuses a login with it (its sshd log says why; nvt keys setup finds the usual reasons)", e);
        }
        catch (KeyCopyException e) when (e.InnerException is SshException or SocketException)
        {
            throw new KeyCopyException($"the key was added to {destination}, but the login that checks it failed: {e.Message}", e);
        }
    }
}
