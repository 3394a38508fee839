namespace NeuralVision.Tools.Platform.Settings;

/// <summary>A configuration value is unusable; the message names the variable (or the file) and the value.</summary>
public sealed class ConfigException : NvtException
{
    public ConfigException(string message)
        : base(message)
    {
    }
}
