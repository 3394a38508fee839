using NeuralVision.Tools.Platform.Files;
using NeuralVision.Tools.Platform.Native;

namespace NeuralVision.Tools.Keys.Setup;

/// <summary>
/// Writes ssh_config with its new block: atomically (a temp file beside it, renamed over it), mode 0600 from the
/// first byte (ssh refuses a config others may write), through a symbolic link to its target so a dotfile manager's
/// link stays a link. ~/.ssh is created 0700 when missing, the home directory never.
/// </summary>
public static class ConfigWriter
{
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <exception cref="SetupException">The directory or the file cannot be written.</exception>
    public static void Write(string path, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(path);
        string target = LibC.RealPath(path) ?? path;
        string directory = System.IO.Path.GetDirectoryName(target)!;
        try
        {
            if (!Directory.Exists(directory))
            {
                string parent = System.IO.Path.GetDirectoryName(directory)!;
                if (!Directory.Exists(parent))
                {
                    throw new SetupException($"cannot write {path}: {parent} does not exist");
                }

                Directory.CreateDirectory(directory, KeyFiles.SshDirectoryMode);
            }

            AtomicFile.WriteAllBytes(target, PrivateFile, content);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SetupException($"cannot write {path}: {FileErrors.Describe(e)}", e);
        }
    }
}
