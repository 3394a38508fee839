namespace NeuralVision.Tools.Keys.Copy;

/// <summary>One signature algorithm of a <see cref="DeferredKey"/>: the public blob now, the signature from the real key.</summary>
internal sealed class DeferredAlgorithm(string name, byte[] publicBlob, DeferredKey key) : Renci.SshNet.Security.HostAlgorithm(name)
{
    public override byte[] Data => publicBlob;

    public override byte[] Sign(byte[] data) => key.Sign(Name, data);

    public override bool VerifySignature(byte[] data, byte[] signature) =>
        throw new NotSupportedException("a client identity never verifies signatures");
}
