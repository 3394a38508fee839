namespace NeuralVision.Tools.Keys;

/// <summary>A private key of a type nvt can generate and write: its public blob and its openssh-key-v1 fields.</summary>
public abstract class SshPrivateKey
{
    /// <summary>The SSH key type name, e.g. "ssh-rsa".</summary>
    public abstract string TypeName { get; }

    public abstract byte[] PublicBlob();

    public SshPublicKey PublicKey(string comment) => new(PublicBlob(), comment);

    /// <summary>The fields that follow the type name in the private section (OpenSSH's sshkey_private_serialize order).</summary>
    internal abstract void WritePrivateFields(SshWireWriter writer);
}
