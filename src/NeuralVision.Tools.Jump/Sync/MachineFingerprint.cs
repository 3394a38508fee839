using System.Security.Cryptography;
using System.Text;
using NeuralVision.Tools.Platform.Files;

namespace NeuralVision.Tools.Jump.Sync;

/// <summary>
/// Which machine and file a database is: the machine's systemd/D-Bus machine id (else its host name) and the
/// database's path, hashed. A database copied to another machine no longer matches (a VM cloned with its machine-id
/// still does: such clones should get a fresh /etc/machine-id, as systemd's documentation asks of images anyway).
/// </summary>
public static class MachineFingerprint
{
    public static string Of(string databasePath)
    {
        string machine = ReadMachineId("/etc/machine-id") ?? ReadMachineId("/var/lib/dbus/machine-id") ?? Environment.MachineName;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(machine + "\n" + databasePath)));
    }

    private static string? ReadMachineId(string path)
    {
        try
        {
            return RegularFile.ReadIfExists(path, 4096) is byte[] bytes && Encoding.ASCII.GetString(bytes).Trim() is { Length: > 0 } id ? id : null;
        }
        catch (FileReadException)
        {
            return null;
        }
    }
}
