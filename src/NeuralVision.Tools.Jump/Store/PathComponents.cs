namespace NeuralVision.Tools.Jump.Store;

/// <summary>How a stored path maps onto the tree: "/a/b" is a then b under the root's children (parent 0); "/" itself is
/// the node named "" under parent 0.</summary>
internal static class PathComponents
{
    public static List<byte[]> Split(byte[] path)
    {
        var parts = new List<byte[]>();
        int start = 1;
        for (int i = 1; i <= path.Length; i++)
        {
            if (i == path.Length || path[i] == (byte)'/')
            {
                if (i > start)
                {
                    parts.Add(path[start..i]);
                }

                start = i + 1;
            }
        }

        return parts.Count == 0 ? [[]] : parts;
    }
}
