using NeuralVision.Tools.Platform.Settings;

namespace NeuralVision.Tools.SshProfile.Konsole;

/// <summary>The tab nvt runs in, for the commands that need it: the connection, and which profile it shows.</summary>
public static class KonsoleTab
{
    /// <summary>The tab's connection, or null (with the reason) outside Konsole or when the bus cannot be reached.</summary>
    public static IKonsoleTab? TryConnect(NvtSettings settings, IKonsoleConnector konsole, out string? whyNot)
    {
        ArgumentNullException.ThrowIfNull(konsole);
        var target = KonsoleTarget.FromSettings(settings, out whyNot);
        if (target is null)
        {
            return null;
        }

        try
        {
            return konsole.ConnectAsync(target, SshSession.DBusTimeout).GetAwaiter().GetResult();
        }
        catch (KonsoleException e)
        {
            whyNot = $"Konsole at {target}: {e.Message}";
            return null;
        }
    }

    /// <summary>
    /// The profile the tab shows, to come back to or to copy: profile(), or the window's default profile when
    /// profile() cannot say. That is Konsole before 19.12 (no profile()), and a tab whose look was changed by an
    /// escape sequence (any <c>ESC ] 50</c>, `konsoleprofile`) or started with `konsole -e`: profile() then answers
    /// "", and setProfile("") is silently ignored, which would leave the tab in the host's colours. Null when neither
    /// answers; <paramref name="note"/> hears why.
    /// </summary>
    public static async Task<string?> ShownProfileAsync(IKonsoleTab tab, Action<string>? note = null)
    {
        ArgumentNullException.ThrowIfNull(tab);
        string? shown = null;
        try
        {
            shown = await tab.GetProfileAsync().ConfigureAwait(false);
        }
        catch (KonsoleException e) when (e.ErrorName == DBusErrors.UnknownMethod)
        {
            note?.Invoke("Konsole has no profile() (before 19.12)");
        }
        catch (KonsoleException e)
        {
            note?.Invoke($"cannot read the tab's profile: {e.Message}");
            return null;
        }

        if (!string.IsNullOrEmpty(shown))
        {
            return shown;
        }

        try
        {
            shown = await tab.GetDefaultProfileAsync().ConfigureAwait(false);
            note?.Invoke($"the tab's profile has no name: using the default profile '{shown}'");
        }
        catch (KonsoleException e)
        {
            note?.Invoke(e.Message);
        }

        return string.IsNullOrEmpty(shown) ? null : shown;
    }
}
