namespace NeuralVision.Tools.Keys.HostKeys;

/// <summary>The marker a known_hosts line may start with.</summary>
public enum KnownHostsMarker
{
    None,

    /// <summary>
    /// <c>@cert-authority</c>: the key signs host certificates. Parsed so its line is not reported as malformed, but it
    /// never vouches for a plain host key: nvt (SSH.NET) does not negotiate host certificates, and OpenSSH too only
    /// compares CA lines with a certificate's signer, never with the host key itself.
    /// </summary>
    CertAuthority,

    /// <summary><c>@revoked</c>: the key must never be accepted for the hosts the line names.</summary>
    Revoked,
}
