using NeuralVision.Tools.Platform.Native;
using NeuralVision.Tools.SshProfile.Konsole;

namespace NeuralVision.Tools.SshProfile.Restore;

/// <summary>
/// `nvt profiles restore`'s engine: what a killed `nvt ssh` left in its <see cref="RestoreMarker"/> is put back. The
/// Konsole part goes over D-Bus to the tab the marker names (the marker holds the bus address too, so it works from a
/// shell whose environment has changed since); the terminal part is the command's to write.
/// </summary>
public static class MarkerRestore
{
    /// <summary>True while the process that wrote the marker runs (it restores the tab itself when ssh ends).</summary>
    public static bool WriterIsRunning(RestoreMarker marker)
    {
        ArgumentNullException.ThrowIfNull(marker);
        // kill(pid, 0) is the shell hook's `kill -0`: it fails for a pid that is gone (or not ours, which is not nvt).
        return marker.Pid == Environment.ProcessId || LibC.Kill(marker.Pid, 0) == 0;
    }

    /// <summary>Sets the marker's profile back in its tab; returns why not, or null when done (or nothing to do).</summary>
    public static async Task<string?> RestoreKonsoleAsync(RestoreMarker marker, IKonsoleConnector konsole)
    {
        ArgumentNullException.ThrowIfNull(marker);
        ArgumentNullException.ThrowIfNull(konsole);
        if (marker is not { Profile: string profile, Service: string service, Session: string session, Bus: string bus })
        {
            return null;
        }

        try
        {
            using var tab = await konsole.ConnectAsync(new KonsoleTarget(service, session, null, bus), SshSession.DBusTimeout).ConfigureAwait(false);
            await tab.SetProfileAsync(profile).ConfigureAwait(false);
            return null;
        }
        catch (KonsoleException e) when (e.ErrorName is DBusErrors.ServiceUnknown or DBusErrors.UnknownObject)
        {
            // The Konsole (or the tab) has closed since: there is nothing left to restore.
            return null;
        }
        catch (KonsoleException e) when (e.ErrorName == DBusErrors.AccessDenied)
        {
            // Konsole 25.12+ may answer so after switching (see SshSession).
            return null;
        }
        catch (KonsoleException e)
        {
            return $"could not set the Konsole profile '{profile}' back: {e.Message}";
        }
    }
}
