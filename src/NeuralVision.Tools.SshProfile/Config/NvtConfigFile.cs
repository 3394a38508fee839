using System.Text.Json.Serialization;
using NeuralVision.Tools.Config;
using NeuralVision.Tools.Platform;
using Tomlyn;
using Tomlyn.Serialization;

namespace NeuralVision.Tools.Ssh;

/// <summary>
/// nvt's one configuration file, <c>$XDG_CONFIG_HOME/nvt/config.toml</c>. Only the tables nvt reads are mapped;
/// other tables are left for later settings.
/// </summary>
public sealed class NvtConfig
{
    public SshConfig? Ssh { get; set; }
}

/// <summary>The <c>[ssh]</c> table and its sub-tables.</summary>
public sealed class SshConfig
{
    /// <summary><c>default_profile</c>: the Konsole profile for hosts nothing else names.</summary>
    public string? DefaultProfile { get; set; }

    /// <summary>
    /// <c>[ssh.profiles]</c>: host pattern to Konsole profile name. Read in file order (the deserializer adds the keys
    /// in order and nothing is ever removed, so the dictionary enumerates them in that order), first match wins.
    /// </summary>
    public Dictionary<string, string>? Profiles { get; set; }

    /// <summary><c>[ssh.backgrounds]</c>: host pattern to a <c>#rrggbb</c> background for terminals other than Konsole.</summary>
    public Dictionary<string, string>? Backgrounds { get; set; }
}

/// <summary>Source-generated TOML metadata: no reflection, so the file reads under native AOT.</summary>
[TomlSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[TomlSerializable(typeof(NvtConfig))]
internal sealed partial class NvtConfigContext : TomlSerializerContext
{
}

/// <summary>Finds, reads and checks the configuration file.</summary>
public static class NvtConfigFile
{
    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>
    /// The accessor of NVT_CONFIG: that file when set (it must be absolute), else $XDG_CONFIG_HOME/nvt/config.toml
    /// (an absolute XDG_CONFIG_HOME only, as the XDG spec says), else ~/.config/nvt/config.toml.
    /// </summary>
    public static string Locate(IEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string? configured = environment.GetVariable(EnvVars.Config);
        if (!string.IsNullOrEmpty(configured))
        {
            if (!configured.StartsWith('/'))
            {
                throw new ConfigException($"{EnvVars.Config} must be an absolute path, got '{configured}'");
            }

            return configured;
        }

        string? xdg = environment.GetVariable(EnvVars.XdgConfigHome);
        if (!string.IsNullOrEmpty(xdg) && xdg.StartsWith('/'))
        {
            return xdg.TrimEnd('/') + "/nvt/config.toml";
        }

        return new NvtSettings(environment).Home.TrimEnd('/') + "/.config/nvt/config.toml";
    }

    /// <summary>The file's settings; an empty configuration when the file does not exist.</summary>
    public static NvtConfig Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (FileNotFoundException)
        {
            return new NvtConfig();
        }
        catch (DirectoryNotFoundException)
        {
            return new NvtConfig();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"cannot read {path}: {e.Message}");
        }

        return Parse(text, path);
    }

    /// <summary>Parses TOML text; a syntax or type error becomes a ConfigException "FILE:LINE:COLUMN: message".</summary>
    public static NvtConfig Parse(string text, string sourceName)
    {
        NvtConfig? config;
        try
        {
            config = TomlSerializer.Deserialize(text, NvtConfigContext.Default.NvtConfig);
        }
        catch (TomlException e)
        {
            string position = e.Line is int line ? $":{line}:{e.Column ?? 1}" : "";
            throw new ConfigException($"{sourceName}{position}: {FirstLine(e.Message)}");
        }

        config ??= new NvtConfig();
        Validate(config, sourceName);
        return config;
    }

    private static void Validate(NvtConfig config, string sourceName)
    {
        foreach (var (pattern, colour) in config.Ssh?.Backgrounds ?? [])
        {
            if (!IsHexColour(colour))
            {
                throw new ConfigException($"{sourceName}: [ssh.backgrounds] \"{pattern}\" must be a colour written #rrggbb, got '{colour}'");
            }
        }
    }

    public static bool IsHexColour(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length == 7 && value[0] == '#' && value.AsSpan(1).ContainsAnyExcept(HexDigits) is false;
    }

    /// <summary>
    /// Tomlyn's messages repeat the position ("(2,12) : error : Missing value") and wrap type errors in converter
    /// details; the position is already in front, so only the last diagnostic's text is kept.
    /// </summary>
    private static string FirstLine(string message)
    {
        int newline = message.IndexOf('\n', StringComparison.Ordinal);
        string line = (newline < 0 ? message : message[..newline]).Trim();
        const string Marker = ": error : ";
        int marker = line.LastIndexOf(Marker, StringComparison.Ordinal);
        return marker < 0 ? line : line[(marker + Marker.Length)..].Trim();
    }
}
