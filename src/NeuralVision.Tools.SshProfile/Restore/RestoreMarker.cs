using System.Globalization;
using System.Text;
using NeuralVision.Tools.Platform.Files;

namespace NeuralVision.Tools.SshProfile.Restore;

/// <summary>
/// The note a running `nvt ssh` leaves in <c>$NVT_RESTORE_MARKER</c> (one file per interactive shell, set by the shell
/// integration) before it changes the tab's look, and removes when it has put the look back. If nvt is killed
/// (SIGKILL, a crash) the file stays; the shell's prompt hook sees it with one builtin test, reads the pid on its first
/// line, and when that process is gone runs `nvt profiles restore`, which reads the rest.
/// <code>
/// 12345                       nvt's pid (first line, for the shell's `kill -0`)
/// profile=Local               the Konsole profile to set back
/// service=:1.42               the Konsole tab: bus name, session object, bus address
/// session=/Sessions/1
/// bus=unix:path=/run/user/1000/bus
/// undo=Osc111                 what to write to the terminal (ColourUndo)
/// </code>
/// </summary>
public sealed record RestoreMarker(int Pid, string? Profile, string? Service, string? Session, string? Bus, ColourUndo Undo)
{
    /// <summary>Larger files are not markers nvt wrote; they are not read.</summary>
    private const int MaximumLength = 4096;

    public string Format()
    {
        var text = new StringBuilder();
        text.Append(Pid.ToString(CultureInfo.InvariantCulture)).Append('\n');
        Line(text, "profile", Profile);
        Line(text, "service", Service);
        Line(text, "session", Session);
        Line(text, "bus", Bus);
        Line(text, "undo", Undo.ToString());
        return text.ToString();
    }

    /// <summary>The marker in <paramref name="text"/>, or null when it is not one.</summary>
    public static RestoreMarker? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] lines = text.Split('\n');
        if (!int.TryParse(lines[0], NumberStyles.None, CultureInfo.InvariantCulture, out int pid) || pid <= 0)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in lines.Skip(1))
        {
            int equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                values[line[..equals]] = line[(equals + 1)..];
            }
        }

        var undo = Enum.TryParse(values.GetValueOrDefault("undo"), out ColourUndo parsed) ? parsed : ColourUndo.None;
        return new RestoreMarker(pid, values.GetValueOrDefault("profile"), values.GetValueOrDefault("service"),
            values.GetValueOrDefault("session"), values.GetValueOrDefault("bus"), undo);
    }

    /// <summary>Writes the marker atomically (the hook never sees half of one), mode 0600.</summary>
    public void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.WriteAllBytes(path, UnixFileMode.UserRead | UnixFileMode.UserWrite, Encoding.UTF8.GetBytes(Format()));
    }

    /// <summary>The marker at <paramref name="path"/>; null when there is none or it is not one.</summary>
    public static RestoreMarker? Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            var info = new FileInfo(path);
            return info.Exists && info.Length <= MaximumLength ? Parse(File.ReadAllText(path)) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Removes the marker at <paramref name="path"/> when it is <paramref name="pid"/>'s (another nvt's stays).</summary>
    public static void Remove(string path, int pid)
    {
        if (Read(path) is { } marker && marker.Pid != pid)
        {
            return;
        }

        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The look is back; a marker that cannot be removed only makes the next prompt run the restore again,
            // which sets the same look once more.
        }
    }

    private static void Line(StringBuilder text, string key, string? value)
    {
        // Values come from Konsole and the environment; a line break in one would end the marker's line early.
        if (!string.IsNullOrEmpty(value) && !value.Contains('\n', StringComparison.Ordinal))
        {
            text.Append(key).Append('=').Append(value).Append('\n');
        }
    }
}
