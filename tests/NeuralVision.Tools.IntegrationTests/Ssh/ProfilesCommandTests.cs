namespace NeuralVision.Tools.IntegrationTests.Ssh;

public sealed class ProfilesCommandTests
{
    [Fact]
    public async Task Profiles_InKonsole_ListsProfilesWithTheCurrentMarkedAndTheMappings()
    {
        using var bed = await SshTestBed.InKonsoleAsync(currentProfile: "Puffin");
        bed.WriteConfig("[ssh]\ndefault_profile = \"Default\"\n[ssh.profiles]\n\"web*\" = \"Danger\"\n[ssh.backgrounds]\n\"web*\" = \"#330000\"\n");

        var result = bed.Run("profiles");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"""
            Konsole profiles:
              Danger
              Default
              Local
            * Puffin

            Host mappings ({bed.Home.Home}/.config/nvt/config.toml; first match wins):
              web* -> Danger
              (any other host) -> Default

            Backgrounds (OSC 11 outside Konsole; in Konsole for hosts without a profile):
              web* -> #330000

            """, result.Stdout);
        Assert.Empty(bed.Konsole!.SetProfileCalls);
    }

    [Fact]
    public void Profiles_OutsideKonsole_SaysSo()
    {
        using var bed = SshTestBed.OutsideKonsole();

        var result = bed.Run("profiles");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("(not in a Konsole tab", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Host mappings: none, ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("does not exist. To start, write it with:\n  [ssh.profiles]\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("nvt profiles create Puffin --background '#2b1b1b' --host puffin", result.Stdout, StringComparison.Ordinal);
    }
}
