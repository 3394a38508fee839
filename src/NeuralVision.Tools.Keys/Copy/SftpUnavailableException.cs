namespace NeuralVision.Tools.Keys.Copy;

/// <summary>The server authenticated nvt but has no SFTP subsystem: <see cref="KeyInstaller"/> falls back to the remote shell.</summary>
internal sealed class SftpUnavailableException : Exception
{
}
