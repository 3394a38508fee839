using NeuralVision.Tools.Platform.Settings;
using Tomlyn;

namespace NeuralVision.Tools.SshProfile.Config;

/// <summary>Reads and checks the configuration file (its path is <see cref="NvtSettings.ConfigFile"/>).</summary>
public static class NvtConfigFile
{
    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

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
