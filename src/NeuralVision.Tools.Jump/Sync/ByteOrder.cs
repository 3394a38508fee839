namespace NeuralVision.Tools.Jump.Sync;

/// <summary>Byte strings in unsigned lexicographic order (how paths are sorted in a state).</summary>
internal sealed class ByteOrder : IComparer<byte[]>
{
    public static readonly ByteOrder Instance = new();

    public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y.AsSpan());
}
