using System.Globalization;

namespace NeuralVision.Tools.Keys.HostKeys;

/// <summary>
/// A line nvt skipped, kept with its place so a caller can say which line is wrong; lookups ignore such lines as ssh
/// does, so one bad line never hides the good ones around it.
/// </summary>
public sealed record KnownHostsLineError(string File, int Line, string Reason)
{
    public string Location => string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}");
}
