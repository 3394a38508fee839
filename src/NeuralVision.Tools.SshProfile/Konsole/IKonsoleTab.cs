namespace NeuralVision.Tools.SshProfile.Konsole;

/// <summary>The Konsole calls nvt makes, so the switch-and-restore logic can be tested without a bus.</summary>
public interface IKonsoleTab : IDisposable
{
    /// <summary><c>Session.profile()</c>: the tab's current profile (Konsole 19.12 and later).</summary>
    Task<string> GetProfileAsync();

    /// <summary><c>Session.setProfile(s)</c>. An unknown name is silently ignored by Konsole.</summary>
    Task SetProfileAsync(string name);

    /// <summary><c>Window.profileList()</c>.</summary>
    Task<IReadOnlyList<string>> GetProfileListAsync();

    /// <summary><c>Window.defaultProfile()</c>.</summary>
    Task<string> GetDefaultProfileAsync();

    /// <summary>
    /// Makes the running Konsole read a profile file written after it started (it reads profile files only at start):
    /// <c>org.kde.KDBusService.CommandLine(["konsole", "--new-tab", "--layout", LAYOUT, "--profile", FILE], DIR, {})</c>
    /// on /org/kde/konsole, what a second `konsole` command sends a running one. With an empty layout file it opens no
    /// tab; <paramref name="emptyLayout"/> must exist, or Konsole shows a modal error dialog and never answers.
    /// </summary>
    Task LoadProfileAsync(string profileFile, string emptyLayout, string workingDirectory);
}
