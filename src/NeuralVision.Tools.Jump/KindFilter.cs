namespace NeuralVision.Tools.Jump;

/// <summary>Which kinds of entry a query returns (fasd's -d, -f and -a).</summary>
public enum KindFilter
{
    Directories,
    Files,
    Any,
}
