namespace NeuralVision.Tools.Keys.HostKeys;

/// <summary>What the known_hosts files say about a server's host key.</summary>
public enum KnownHostStatus
{
    /// <summary>A line for this host holds exactly this key.</summary>
    Known,

    /// <summary>Nothing vouches for or against the key: ask the user (OpenSSH's HOST_NEW).</summary>
    Unknown,

    /// <summary>A line for this host holds another key of the same type: a possible man in the middle; refuse.</summary>
    Changed,

    /// <summary>An <c>@revoked</c> line for this host holds this key: refuse, whatever else the files say.</summary>
    Revoked,
}
