using NeuralVision.Tools.Jump.Import;
using NeuralVision.Tools.Platform.Settings;

namespace NeuralVision.Tools.Tests.Jump.Import;

public class ImportLocationsTests
{
    private const string Home = "/home/u";

    [Theory]
    [InlineData(ImportFormat.Fasd, "", "/home/u/.fasd")]
    [InlineData(ImportFormat.Fasd, "_FASD_DATA=/data/fasd", "/data/fasd")]
    [InlineData(ImportFormat.Z, "", "/home/u/.z")]
    [InlineData(ImportFormat.Z, "_Z_DATA=/data/z", "/data/z")]
    [InlineData(ImportFormat.Z, "_Z_DATA=/data/z ZSHZ_DATA=/data/zshz", "/data/zshz")]
    [InlineData(ImportFormat.Z, "_Z_DATA=relative", "/home/u/.z")]
    [InlineData(ImportFormat.ZLua, "", "/home/u/.zlua /home/u/.local/share/zlua/zlua.txt")]
    [InlineData(ImportFormat.ZLua, "_ZL_DATA=/data/zl", "/data/zl")]
    [InlineData(ImportFormat.Autojump, "", "/home/u/.local/share/autojump/autojump.txt /home/u/.local/share/autojump.txt")]
    [InlineData(ImportFormat.Autojump, "XDG_DATA_HOME=/xdg", "/xdg/autojump/autojump.txt /xdg/autojump.txt")]
    [InlineData(ImportFormat.Zoxide, "", "/home/u/.local/share/zoxide/db.zo")]
    [InlineData(ImportFormat.Zoxide, "XDG_DATA_HOME=/xdg", "/xdg/zoxide/db.zo")]
    [InlineData(ImportFormat.Zoxide, "XDG_DATA_HOME=/xdg _ZO_DATA_DIR=/zo", "/zo/db.zo")]
    [InlineData(ImportFormat.Zoxide, "_ZO_DATA_DIR=", "/home/u/.local/share/zoxide/db.zo")]
    public void Candidates_FollowEachJumpersVariables(ImportFormat format, string variables, string expected)
    {
        var environment = new TestEnvironment(
            variables.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('=', 2))
                .Append(["HOME", Home])
                .ToDictionary(pair => pair[0], pair => pair[1]),
            "/");

        Assert.Equal(expected.Split(' '), ImportLocations.Candidates(format, new NvtSettings(environment)));
    }

    [Fact]
    public void Find_TakesTheFirstCandidateThatExists()
    {
        using var temp = new TempDirectory();
        var settings = new NvtSettings(new TestEnvironment(new() { ["HOME"] = Home, ["XDG_DATA_HOME"] = temp.Path }, "/"));
        Assert.Null(ImportLocations.Find(ImportFormat.Autojump, settings));

        File.WriteAllText(Path.Combine(temp.Path, "autojump.txt"), "");

        Assert.Equal(temp.Path + "/autojump.txt", ImportLocations.Find(ImportFormat.Autojump, settings));
    }
}
