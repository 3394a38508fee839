using System.Text;
using NeuralVision.Tools.Platform.Files;

namespace NeuralVision.Tools.Keys.Agent;

/// <summary>
/// Adds a key file to the agent as `ssh-add FILE` does: decrypted by nvt's own openssh-key-v1 reader (RSA and Ed25519,
/// whose private fields are in the same order in the file as in ADD_IDENTITY), with the key's comment, or the file's
/// path when it has none. No lifetime or confirmation constraint.
/// </summary>
public static class AgentKeyLoader
{
    /// <returns>The comment the agent keeps for the key.</returns>
    /// <exception cref="WrongPassphraseException">The passphrase does not open the key.</exception>
    /// <exception cref="KeyFormatException">A key nvt cannot decrypt or add (another type or cipher): ssh-add can.</exception>
    /// <exception cref="AgentException">The agent refused the key or does not answer.</exception>
    public static string Add(SshAgentClient agent, string path, string? passphrase)
    {
        ArgumentNullException.ThrowIfNull(agent);
        string text;
        try
        {
            text = Encoding.UTF8.GetString(RegularFile.ReadAll(path, KeyFingerprints.MaxFileBytes));
        }
        catch (FileReadException e)
        {
            throw new KeyFormatException(e.Message, e);
        }

        if (!OpenSshPrivateKeyFormat.IsOpenSshPrivateKey(text))
        {
            throw new KeyFormatException($"{path} is not in OpenSSH's format, which nvt adds to the agent (ssh-add reads the others)");
        }

        var decoded = OpenSshPrivateKeyFormat.Read(text, passphrase);
        string comment = decoded.Comment.Length == 0 ? path : decoded.Comment;
        if (!agent.Add(decoded.Key.TypeName, decoded.Key.WritePrivateFields, comment))
        {
            throw new AgentException($"the ssh-agent at {agent.SocketPath} refused the key {path}");
        }

        return comment;
    }
}
