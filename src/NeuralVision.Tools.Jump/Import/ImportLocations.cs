using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools.Jump.Import;

/// <summary>
/// Where each jumper keeps its data when `nvt import` is given no PATH, read from the same variables the jumper
/// reads. Some have more than one place; the first that exists is used.
/// </summary>
public static class ImportLocations
{
    public const string FasdData = "_FASD_DATA";
    public const string ZData = "_Z_DATA";
    public const string ZshZData = "ZSHZ_DATA";
    public const string ZLuaData = "_ZL_DATA";
    public const string ZoxideDataDir = "_ZO_DATA_DIR";
    public const string XdgDataHome = "XDG_DATA_HOME";

    /// <summary>The places to look, most likely first; never empty.</summary>
    public static IReadOnlyList<string> Candidates(ImportFormat format, IEnvironment environment, string home)
    {
        string dataHome = Absolute(environment.GetVariable(XdgDataHome)) ?? home + "/.local/share";
        return format switch
        {
            ImportFormat.Fasd => [Absolute(environment.GetVariable(FasdData)) ?? home + "/.fasd"],

            // zsh-z reads ZSHZ_DATA first and then z's own variable.
            ImportFormat.Z => [Absolute(environment.GetVariable(ZshZData)) ?? Absolute(environment.GetVariable(ZData)) ?? home + "/.z"],

            // z.lua's fish plugin keeps its file under XDG_DATA_HOME instead.
            ImportFormat.ZLua => Absolute(environment.GetVariable(ZLuaData)) is string zlua
                ? [zlua]
                : [home + "/.zlua", dataHome + "/zlua/zlua.txt"],

            // autojump 22.5.1 (Debian 12) writes $XDG_DATA_HOME/autojump.txt, without the autojump directory, when
            // XDG_DATA_HOME is set.
            ImportFormat.Autojump => [dataHome + "/autojump/autojump.txt", dataHome + "/autojump.txt"],

            _ => [(Absolute(environment.GetVariable(ZoxideDataDir)) ?? dataHome + "/zoxide") + "/db.zo"],
        };
    }

    /// <summary>The first candidate that exists, or null.</summary>
    public static string? Find(ImportFormat format, IEnvironment environment, string home) =>
        Candidates(format, environment, home).FirstOrDefault(File.Exists);

    // Like the tools themselves, an unset or empty variable means the default; a relative one is taken from the
    // working directory by the tools, which nvt cannot know, so it is ignored.
    private static string? Absolute(string? value) => string.IsNullOrEmpty(value) || !value.StartsWith('/') ? null : value;
}
