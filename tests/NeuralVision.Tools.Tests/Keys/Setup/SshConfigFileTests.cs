using System.Text;
using NeuralVision.Tools.Keys.Setup;
using NeuralVision.Tools.Tests.Fakes;

namespace NeuralVision.Tools.Tests.Keys.Setup;

public sealed class SshConfigFileTests : IDisposable
{
    private static readonly HostBlock Block = new("puffin", "puffin.example.org", "me", 2222, "~/.ssh/id_rsa");

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void WithBlock_Missing_IsTheBlockAlone()
    {
        var config = Load(null);

        Assert.Equal(Block.Text(), Encoding.UTF8.GetString(config.WithBlock(Block)));
        Assert.Equal("Host puffin\n    HostName puffin.example.org\n    User me\n    Port 2222\n    IdentityFile ~/.ssh/id_rsa\n    IdentitiesOnly yes\n", Block.Text());
    }

    [Fact]
    public void WithBlock_GlobalSettingsOnly_AppendedAfterAMissingNewlineAndABlankLine()
    {
        var config = Load("ServerAliveInterval 30");

        Assert.Equal("ServerAliveInterval 30\n\n" + Block.Text(), Encoding.UTF8.GetString(config.WithBlock(Block)));
    }

    [Fact]
    public void WithBlock_HostBlocks_InsertedBeforeTheFirstAndItsCommentsKeepingEveryByte()
    {
        string before = "# top\r\nUser global\n\n# about web\n# more\nHost web\n  HostName w\nHost *\n  ForwardAgent no";
        var config = Load(before);

        string after = Encoding.UTF8.GetString(config.WithBlock(Block));

        Assert.Equal("# top\r\nUser global\n\n" + Block.Text() + "\n# about web\n# more\nHost web\n  HostName w\nHost *\n  ForwardAgent no", after);
    }

    [Theory]
    [InlineData("Host puffin", 1)]
    [InlineData("host=web PUFFIN", 1)]
    [InlineData("Host *.example.org puf*", 1)]
    [InlineData("Host *", null)]
    [InlineData("Host * !puffin", null)]
    [InlineData("Host puffin !puffin", null)]
    [InlineData("Match all", null)]
    [InlineData("Match host puffin,web exec \"true\"", 1)]
    [InlineData("Match originalhost web", null)]
    [InlineData("  # Host puffin", null)]
    [InlineData("HostName puffin", null)]
    public void CoveringBlock_HostAndMatchLines(string line, int? expected)
    {
        var config = Load(line + "\n  User x\n");

        Assert.Equal(expected, config.CoveringBlock("puffin")?.Line);
    }

    [Fact]
    public void HoldsBlockAt_TheSameBlockWithOtherSpacing_True_AnotherPortFalse()
    {
        var same = Load("Host puffin\n\tHostName puffin.example.org\n  user   me\nPort 2222\n IdentityFile ~/.ssh/id_rsa\n IdentitiesOnly yes\n\nHost *\n");
        var other = Load(Block.Text().Replace("2222", "22", StringComparison.Ordinal));
        var longer = Load(Block.Text() + "    ProxyJump bastion\n");

        Assert.True(same.HoldsBlockAt(1, Block));
        Assert.False(other.HoldsBlockAt(1, Block));
        Assert.False(longer.HoldsBlockAt(1, Block));
    }

    [Theory]
    [InlineData("two words")]
    [InlineData("star*")]
    [InlineData("-oProxyCommand=x")]
    [InlineData("esc\u001b[31m")]
    [InlineData("quote\"")]
    public void HostBlock_NamesSshConfigCannotHold_AreRefused(string name) =>
        Assert.Throws<SetupException>(() => new HostBlock(name, "h", "u", 22, "~/.ssh/id_rsa").Validate());

    [Fact]
    public void HostBlock_IdentityFileWithSpacesAndPercent_QuotedAndDoubled() =>
        Assert.Contains("    IdentityFile \"/home/a b/100%%/id\"\n", new HostBlock("p", "h", "u", 22, "/home/a b/100%/id").Text(), StringComparison.Ordinal);

    private SshConfigFile Load(string? content)
    {
        string path = Path.Combine(temp.Path, Guid.NewGuid().ToString("N"));
        if (content is not null)
        {
            File.WriteAllText(path, content);
        }

        return SshConfigFile.Load(path);
    }
}
