using NeuralVision.Tools.Platform.Settings;
using NeuralVision.Tools.SshProfile.Config;

namespace NeuralVision.Tools.Tests.SshProfile;

/// <summary>`--host`: one line added to [ssh.profiles], every other byte kept; never a rewrite of a file that does not parse.</summary>
public sealed class HostMappingEditorTests : IDisposable
{
    private readonly TempDirectory temp = new();

    private string ConfigPath => Path.Combine(temp.Path, "nvt", "config.toml");

    [Fact]
    public void Add_ToAnExistingTable_GoesAfterItsLastEntryKeepingComments()
    {
        Write("# mine\n[ssh]\nauto_background = true # yes\n\n[ssh.profiles] # hosts\n\"web*\" = \"Danger\"   # careful\n\n# later\n[jump]\nx = 1\n");

        Add("puffin", "Puffin");

        Assert.Equal("# mine\n[ssh]\nauto_background = true # yes\n\n[ssh.profiles] # hosts\n\"web*\" = \"Danger\"   # careful\n\"puffin\" = \"Puffin\"\n\n# later\n[jump]\nx = 1\n", Read());
    }

    [Theory]
    [InlineData("", "[ssh.profiles]\n\"puffin\" = \"Puffin\"\n")]
    [InlineData("[ssh]\ndefault_profile = \"R\"", "[ssh]\ndefault_profile = \"R\"\n\n[ssh.profiles]\n\"puffin\" = \"Puffin\"\n")]
    [InlineData("[ssh.profiles]", "[ssh.profiles]\n\"puffin\" = \"Puffin\"\n")]
    [InlineData("[ssh.profiles]\n\"a\" = \"A\"", "[ssh.profiles]\n\"a\" = \"A\"\n\"puffin\" = \"Puffin\"\n")]
    [InlineData("[ ssh . \"profiles\" ]\n", "[ ssh . \"profiles\" ]\n\"puffin\" = \"Puffin\"\n")]
    public void Add_Shapes(string before, string after)
    {
        Write(before);

        Add("puffin", "Puffin");

        Assert.Equal(after, Read());
    }

    [Fact]
    public void Add_NoFile_CreatesItAndItsDirectory()
    {
        Add("*.prod.example.com", "Danger");

        Assert.Equal("[ssh.profiles]\n\"*.prod.example.com\" = \"Danger\"\n", Read());
    }

    [Fact]
    public void Add_QuotesPatternAndName()
    {
        Add("we\"ird\\", "A \"B\"");

        Assert.Equal("A \"B\"", NvtConfigFile.Load(ConfigPath).Ssh!.Profiles!["we\"ird\\"]);
    }

    [Fact]
    public void Add_FileThatDoesNotParse_IsNeverRewritten()
    {
        Write("[ssh\nbad = ");

        var error = Assert.Throws<ConfigException>(() => HostMappingEditor.Prepare(ConfigPath, "puffin", "Puffin", replace: true));

        Assert.StartsWith(ConfigPath + ":1:", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("(the file does not parse, so --host did not change it)", error.Message, StringComparison.Ordinal);
        Assert.Equal("[ssh\nbad = ", Read());
    }

    [Fact]
    public void Add_SameMappingAgain_ChangesNothing()
    {
        Write("[ssh.profiles]\npuffin = \"Puffin\" # kept\n");

        var edit = HostMappingEditor.Prepare(ConfigPath, "puffin", "Puffin", replace: false);

        Assert.Null(edit.NewText);
    }

    [Fact]
    public void Add_PatternMappedElsewhere_RefusedWithoutReplace_ReplacedInPlaceWithIt()
    {
        Write("[ssh.profiles]\npuffin = 'Old'   # kept\n\"b\" = \"B\"\n");

        var error = Assert.Throws<ConfigException>(() => HostMappingEditor.Prepare(ConfigPath, "puffin", "Puffin", replace: false));
        Assert.Equal($"{ConfigPath} maps \"puffin\" to 'Old' already (--force changes it to 'Puffin')", error.Message);

        var edit = HostMappingEditor.Prepare(ConfigPath, "puffin", "Puffin", replace: true);
        HostMappingEditor.Apply(edit);
        Assert.Equal("Old", edit.Replaced);
        Assert.Equal("[ssh.profiles]\npuffin = \"Puffin\"   # kept\n\"b\" = \"B\"\n", Read());
    }

    [Fact]
    public void Add_ProfilesAsAnInlineTable_IsRefusedWithTheLineToAdd()
    {
        Write("[ssh]\nprofiles = { a = \"A\" }\n");

        var error = Assert.Throws<ConfigException>(() => HostMappingEditor.Prepare(ConfigPath, "puffin", "Puffin", replace: false));

        Assert.Contains("add the line \"puffin\" = \"Puffin\" yourself", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_Symlink_WritesItsTargetAndKeepsTheLinkAndMode()
    {
        string target = Path.Combine(temp.Path, "dotfiles.toml");
        File.WriteAllText(target, "");
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Directory.CreateDirectory(Path.GetDirectoryName(ConfigPath)!);
        File.CreateSymbolicLink(ConfigPath, target);

        Add("puffin", "Puffin");

        Assert.NotNull(new FileInfo(ConfigPath).LinkTarget);
        Assert.Equal("[ssh.profiles]\n\"puffin\" = \"Puffin\"\n", File.ReadAllText(target));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(target));
    }

    public void Dispose() => temp.Dispose();

    private void Add(string pattern, string profile) =>
        HostMappingEditor.Apply(HostMappingEditor.Prepare(ConfigPath, pattern, profile, replace: false));

    private void Write(string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ConfigPath)!);
        File.WriteAllText(ConfigPath, text);
    }

    private string Read() => File.ReadAllText(ConfigPath);
}
