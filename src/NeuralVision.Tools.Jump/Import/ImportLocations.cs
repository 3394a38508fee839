using NeuralVision.Tools.Platform.Settings;

namespace NeuralVision.Tools.Jump.Import;

/// <summary>
/// Where each jumper keeps its data when `nvt import` is given no PATH, from the same variables the jumper reads
/// (through <see cref="NvtSettings.ForeignDataLocation"/>). Some have more than one place; the first that exists is
/// used.
/// </summary>
public static class ImportLocations
{
    /// <summary>The places to look, most likely first; never empty.</summary>
    public static IReadOnlyList<string> Candidates(ImportFormat format, NvtSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string home = settings.Home;
        string dataHome = settings.XdgDataHome ?? home + "/.local/share";
        return format switch
        {
            ImportFormat.Fasd => [settings.ForeignDataLocation(EnvVars.FasdData) ?? home + "/.fasd"],

            // zsh-z reads ZSHZ_DATA first and then z's own variable.
            ImportFormat.Z => [settings.ForeignDataLocation(EnvVars.ZshZData) ?? settings.ForeignDataLocation(EnvVars.ZData) ?? home + "/.z"],

            // z.lua's fish plugin keeps its file under XDG_DATA_HOME instead.
            ImportFormat.ZLua => settings.ForeignDataLocation(EnvVars.ZLuaData) is string zlua
                ? [zlua]
                : [home + "/.zlua", dataHome + "/zlua/zlua.txt"],

            // autojump 22.5.1 (Debian 12) writes $XDG_DATA_HOME/autojump.txt, without the autojump directory, when
            // XDG_DATA_HOME is set.
            ImportFormat.Autojump => [dataHome + "/autojump/autojump.txt", dataHome + "/autojump.txt"],

            _ => [(settings.ForeignDataLocation(EnvVars.ZoxideDataDir) ?? dataHome + "/zoxide") + "/db.zo"],
        };
    }

    /// <summary>The first candidate that exists, or null.</summary>
    public static string? Find(ImportFormat format, NvtSettings settings) =>
        Candidates(format, settings).FirstOrDefault(File.Exists);
}
