namespace NeuralVision.Tools.Keys;

/// <summary>
/// A key type name as OpenSSH knows it (sshkey.c's keyimpls table): the algorithm, whether it is a certificate, and
/// the curve for ECDSA. Several names map to one type: "rsa-sha2-256" and "rsa-sha2-512" are RSA keys too, and the
/// short names ("RSA", "ED25519", any case) name plain keys, as sshkey_type_from_name accepts them. A switch, not a
/// table: a static table would be allocated before every start of the native binary, `nvt add` on each `cd` too.
/// </summary>
public sealed record KeyType(KeyKind Kind, bool IsCertificate, string? Curve)
{
    /// <summary>The type a name stands for; null for a name OpenSSH does not know.</summary>
    public static KeyType? FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var known = name switch
        {
            "ssh-rsa" or "rsa-sha2-256" or "rsa-sha2-512" => new KeyType(KeyKind.Rsa, false, null),
            "ssh-dss" => new KeyType(KeyKind.Dsa, false, null),
            "ecdsa-sha2-nistp256" => new KeyType(KeyKind.Ecdsa, false, "nistp256"),
            "ecdsa-sha2-nistp384" => new KeyType(KeyKind.Ecdsa, false, "nistp384"),
            "ecdsa-sha2-nistp521" => new KeyType(KeyKind.Ecdsa, false, "nistp521"),
            "ssh-ed25519" => new KeyType(KeyKind.Ed25519, false, null),
            "sk-ecdsa-sha2-nistp256@openssh.com" => new KeyType(KeyKind.EcdsaSk, false, "nistp256"),
            "sk-ssh-ed25519@openssh.com" => new KeyType(KeyKind.Ed25519Sk, false, null),
            "ssh-rsa-cert-v01@openssh.com" or "rsa-sha2-256-cert-v01@openssh.com" or "rsa-sha2-512-cert-v01@openssh.com" => new KeyType(KeyKind.Rsa, true, null),
            "ssh-dss-cert-v01@openssh.com" => new KeyType(KeyKind.Dsa, true, null),
            "ecdsa-sha2-nistp256-cert-v01@openssh.com" => new KeyType(KeyKind.Ecdsa, true, "nistp256"),
            "ecdsa-sha2-nistp384-cert-v01@openssh.com" => new KeyType(KeyKind.Ecdsa, true, "nistp384"),
            "ecdsa-sha2-nistp521-cert-v01@openssh.com" => new KeyType(KeyKind.Ecdsa, true, "nistp521"),
            "ssh-ed25519-cert-v01@openssh.com" => new KeyType(KeyKind.Ed25519, true, null),
            "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com" => new KeyType(KeyKind.EcdsaSk, true, "nistp256"),
            "sk-ssh-ed25519-cert-v01@openssh.com" => new KeyType(KeyKind.Ed25519Sk, true, null),
            _ => null,
        };
        if (known is not null)
        {
            return known;
        }

        // Short names are accepted for plain keys only; "ECDSA" names no curve, so it is no usable type either.
        return name.ToUpperInvariant() switch
        {
            "RSA" => new(KeyKind.Rsa, false, null),
            "DSA" => new(KeyKind.Dsa, false, null),
            "ED25519" => new(KeyKind.Ed25519, false, null),
            "ECDSA-SK" => new(KeyKind.EcdsaSk, false, "nistp256"),
            "ED25519-SK" => new(KeyKind.Ed25519Sk, false, null),
            _ => null,
        };
    }

    /// <summary>The plain key's canonical name, which starts the blob that is fingerprinted ("ssh-rsa" for every RSA name).</summary>
    public string PlainName => Kind switch
    {
        KeyKind.Rsa => "ssh-rsa",
        KeyKind.Dsa => "ssh-dss",
        KeyKind.Ecdsa => "ecdsa-sha2-" + Curve,
        KeyKind.Ed25519 => "ssh-ed25519",
        KeyKind.EcdsaSk => "sk-ecdsa-sha2-nistp256@openssh.com",
        _ => "sk-ssh-ed25519@openssh.com",
    };

    /// <summary>ssh-keygen's name for the type (sshkey_type): "RSA", "ED25519-SK", "ECDSA-CERT"...</summary>
    public string DisplayName
    {
        get
        {
            string plain = Kind switch
            {
                KeyKind.Rsa => "RSA",
                KeyKind.Dsa => "DSA",
                KeyKind.Ecdsa => "ECDSA",
                KeyKind.Ed25519 => "ED25519",
                KeyKind.EcdsaSk => "ECDSA-SK",
                _ => "ED25519-SK",
            };
            return IsCertificate ? plain + "-CERT" : plain;
        }
    }

    /// <summary>Same algorithm and certificate-ness (OpenSSH compares KEY_* values; the curve is checked apart).</summary>
    public bool SameTypeAs(KeyType other) => other is not null && Kind == other.Kind && IsCertificate == other.IsCertificate;
}
