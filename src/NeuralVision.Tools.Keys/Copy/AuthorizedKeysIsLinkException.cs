namespace NeuralVision.Tools.Keys.Copy;

/// <summary>
/// The remote authorized_keys is a symbolic link, which an SFTP replace would turn into a file: <see cref="KeyInstaller"/>
/// appends through the remote shell instead.
/// </summary>
internal sealed class AuthorizedKeysIsLinkException : Exception
{
}
