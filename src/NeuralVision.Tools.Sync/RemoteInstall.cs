using System.Security.Cryptography;
using NeuralVision.Tools.Keys.Copy;
using NeuralVision.Tools.Platform;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace NeuralVision.Tools.Sync;

/// <summary>
/// `nvt sync HOST --install`: uploads this binary (one static file) to the remote's ~/.local/bin/nvt after checking
/// that the remote can run it (<see cref="RemotePlatform"/>). The file arrives under a temporary name, is made
/// executable and then renamed over the old one, so a broken connection never leaves a half-written nvt there.
/// </summary>
internal static class RemoteInstall
{
    public const string Directory = ".local/bin";

    /// <summary>mkdir, with "it exists" as success (SftpClient.Exists would bring its realpath machinery into the binary for this alone).</summary>
    private static void CreateDirectoryUnlessThere(SftpClient sftp, string directory)
    {
        try
        {
            sftp.CreateDirectory(directory);
        }
        catch (SshException)
        {
            if (!sftp.GetAttributes(directory).IsDirectory)
            {
                throw;
            }
        }
    }

    public static void Run(SshClient shell, Func<SftpClient> files, string host, string binaryPath, Action<string> report)
    {
        try
        {
            Install(shell, files, host, binaryPath, report);
        }
        catch (SftpUnavailableException)
        {
            throw new NvtException($"cannot install nvt on {host}: its sshd offers no SFTP subsystem; copy this nvt to ~/{Directory}/nvt there by other means", ExitCodes.SyncFailed);
        }
    }

    private static void Install(SshClient shell, Func<SftpClient> files, string host, string binaryPath, Action<string> report)
    {
        using var probe = shell.RunCommand(RemotePlatform.Probe);
        var remote = RemotePlatform.Parse(probe.Result);
        byte[] binary = File.ReadAllBytes(binaryPath);
        if (remote.Mismatch(RemotePlatform.RequiredGlibc(binary)) is string why)
        {
            throw new NvtException($"cannot install nvt on {host}: {why}", ExitCodes.SyncFailed);
        }

        using var sftp = files();
        try
        {
            foreach (string directory in new[] { ".local", Directory })
            {
                CreateDirectoryUnlessThere(sftp, directory);
            }

            string temporary = $"{Directory}/.nvt-upload-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
            using (var content = new MemoryStream(binary, writable: false))
            {
                sftp.UploadFile(content, temporary);
            }

            try
            {
                sftp.ChangePermissions(temporary, 755); // SSH.NET reads the octal digits written as a decimal number
                sftp.RenameFile(temporary, $"{Directory}/nvt", isPosix: true);
            }
            catch
            {
                sftp.DeleteFile(temporary);
                throw;
            }
        }
        catch (SshException e)
        {
            throw new NvtException($"cannot install nvt in ~/{Directory} on {host}: {e.Message}", ExitCodes.SyncFailed);
        }

        report($"nvt: installed this nvt ({binary.Length / 1024 / 1024} MB, {remote.Machine}) as ~/{Directory}/nvt on {host}");
    }
}
