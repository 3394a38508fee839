using NeuralVision.Tools.Platform.Settings;

namespace NeuralVision.Tools.Keys.Copy;

/// <summary>
/// Whether a password or passphrase is asked through an SSH_ASKPASS program instead of the terminal, by OpenSSH's rules
/// (readpass.c): SSH_ASKPASS_REQUIRE=force always uses it, =prefer uses it when a display is set, =never never; without
/// the variable, askpass is the fallback when there is no terminal and a display (DISPLAY or WAYLAND_DISPLAY) is set.
/// </summary>
public static class AskpassPolicy
{
    /// <summary>OpenSSH's default program when SSH_ASKPASS is unset (Debian's ssh-askpass package).</summary>
    public const string DefaultProgram = "/usr/bin/ssh-askpass";

    /// <summary>The askpass program to run, or null to ask on the terminal (or not at all, without one).</summary>
    public static string? Program(NvtSettings settings, bool terminalAvailable)
    {
        ArgumentNullException.ThrowIfNull(settings);
        bool display = settings.HasDisplay;
        bool allowed = display;
        bool use = !terminalAvailable;
        switch (settings.AskpassRequire)
        {
            case "force":
                allowed = true;
                use = true;
                break;
            case "prefer":
                use = display;
                break;
            case "never":
                allowed = false;
                break;
        }

        if (!use || !allowed)
        {
            return null;
        }

        return settings.AskpassProgram ?? DefaultProgram;
    }
}
