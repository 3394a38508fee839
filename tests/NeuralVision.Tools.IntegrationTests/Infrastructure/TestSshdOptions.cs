using System.Net;
using System.Net.Sockets;

namespace NeuralVision.Tools.IntegrationTests.Infrastructure;

/// <summary>What kind of server a test needs.</summary>
/// <param name="Sftp">Offer the SFTP subsystem (internal-sftp); off to test the exec fallback.</param>
/// <param name="Password">PasswordAuthentication.</param>
/// <param name="KeyboardInteractive">KbdInteractiveAuthentication (through PAM).</param>
/// <param name="ThrowawayUser">
/// A new local user with a password and an empty home (for `keys copy`); false logs in the user running the tests with
/// <see cref="TestSshd.ClientKey"/> only, from an authorized_keys file in the server's directory (for tests whose remote
/// command must reach this user's resources, such as a private D-Bus).
/// </param>
public sealed record TestSshdOptions(bool Sftp = true, bool Password = true, bool KeyboardInteractive = true, bool ThrowawayUser = true)
{
    /// <summary>More sshd_config lines, e.g. "PubkeyAcceptedAlgorithms ssh-ed25519".</summary>
    public IReadOnlyList<string> ExtraConfig { get; init; } = [];
}
