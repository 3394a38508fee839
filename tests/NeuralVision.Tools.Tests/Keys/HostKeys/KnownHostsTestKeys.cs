using NeuralVision.Tools.Keys;

namespace NeuralVision.Tools.Tests.Keys.HostKeys;

/// <summary>
/// Host key blobs for the known_hosts tests. Lookups only read a blob's type and compare bytes, so a type name and a
/// seed-filled body are enough; <see cref="Fixture"/> is a real key with a fingerprint ssh-keygen printed.
/// </summary>
internal static class KnownHostsTestKeys
{
    /// <summary>The ED25519 key of <see cref="Keys.KeyFixtures.Ed25519PlainPublicKey"/>.</summary>
    public const string FixtureFingerprint = "SHA256:Z/eNyjmBnnUoWbxC0EsM+R3oFbre9rSkHGCH7y57aHc";

    public static byte[] Fixture => SshPublicKey.ParseLine(Keys.KeyFixtures.Ed25519PlainPublicKey)!.Blob;

    public static byte[] Ed25519(byte seed) => Make("ssh-ed25519", seed, 32);

    public static byte[] Rsa(byte seed) => new SshWireWriter().WriteString("ssh-rsa").WriteMpint([1, 0, 1]).WriteMpint(Body(seed, 256)).ToArray();

    public static byte[] Ecdsa(byte seed) => new SshWireWriter().WriteString("ecdsa-sha2-nistp256").WriteString("nistp256").WriteString(Body(seed, 65)).ToArray();

    /// <summary>"TYPE BASE64", the key part of a known_hosts line.</summary>
    public static string Field(byte[] blob) => $"{KnownHostsTypeOf(blob)} {Convert.ToBase64String(blob)}";

    private static string KnownHostsTypeOf(byte[] blob) => new SshWireReader(blob).ReadText();

    private static byte[] Make(string type, byte seed, int length) => new SshWireWriter().WriteString(type).WriteString(Body(seed, length)).ToArray();

    private static byte[] Body(byte seed, int length)
    {
        byte[] body = new byte[length];
        for (int i = 0; i < length; i++)
        {
            body[i] = (byte)(seed * 31 + i + 1);
        }

        return body;
    }
}
