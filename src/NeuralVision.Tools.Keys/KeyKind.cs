namespace NeuralVision.Tools.Keys;

/// <summary>The key algorithms OpenSSH 9.2 reads (sshkey.c's KEY_* types without the certificate distinction).</summary>
public enum KeyKind
{
    Rsa,
    Dsa,
    Ecdsa,
    Ed25519,

    /// <summary>sk-ecdsa-sha2-nistp256@openssh.com: a FIDO key on P-256.</summary>
    EcdsaSk,

    /// <summary>sk-ssh-ed25519@openssh.com: a FIDO Ed25519 key.</summary>
    Ed25519Sk,
}
