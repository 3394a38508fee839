namespace NeuralVision.Tools.Config;

/// <summary>A configuration value is unusable; the message names the variable and the value.</summary>
public sealed class ConfigException : Exception
{
    public ConfigException(string message)
        : base(message)
    {
    }
}
