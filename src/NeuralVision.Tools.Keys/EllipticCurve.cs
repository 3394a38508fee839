using System.Globalization;
using System.Numerics;

namespace NeuralVision.Tools.Keys;

/// <summary>
/// The NIST curves OpenSSH uses (y² = x³ − 3x + b over the prime p, group order n), and its check of a public point
/// (sshkey_ec_validate_public): uncompressed encoding only, on the curve, and coordinates that are neither tiny nor
/// of the order's size. The checks are done here, in integers, rather than by the system's OpenSSL, so they are the
/// same everywhere. The curves are made when asked (no static fields: native AOT allocates those before every start).
/// </summary>
public sealed class EllipticCurve
{
    public static EllipticCurve NistP256 => new(
        "nistp256",
        256,
        "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff",
        "5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b",
        "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");

    public static EllipticCurve NistP384 => new(
        "nistp384",
        384,
        "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff",
        "b3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aef",
        "ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973");

    public static EllipticCurve NistP521 => new(
        "nistp521",
        521,
        "01ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
        "0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00",
        "01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409");

    private EllipticCurve(string name, int bits, string prime, string b, string order)
    {
        Name = name;
        Bits = bits;
        Prime = Parse(prime);
        B = Parse(b);
        Order = Parse(order);
    }

    /// <summary>OpenSSH's curve name: nistp256, nistp384, nistp521.</summary>
    public string Name { get; }

    public int Bits { get; }

    public BigInteger Prime { get; }

    public BigInteger B { get; }

    public BigInteger Order { get; }

    /// <summary>Bytes of one coordinate: 32, 48, 66.</summary>
    public int CoordinateSize => (Bits + 7) / 8;

    public static EllipticCurve? FromName(string? name) => name switch
    {
        "nistp256" => NistP256,
        "nistp384" => NistP384,
        "nistp521" => NistP521,
        _ => null,
    };

    /// <summary>Throws unless <paramref name="point"/> is a public key OpenSSH accepts on this curve.</summary>
    public void Validate(ReadOnlySpan<byte> point)
    {
        if (point.Length == 0 || point[0] != 4)
        {
            throw new KeyFormatException(point.Length == 1 && point[0] == 0
                ? "the ECDSA public point is the point at infinity"
                : "the ECDSA public point is not in uncompressed form (OpenSSH reads no other)");
        }

        if (point.Length != 1 + (2 * CoordinateSize))
        {
            throw new KeyFormatException($"the ECDSA public point has {point.Length} bytes, not {1 + (2 * CoordinateSize)} for {Name}");
        }

        var x = new BigInteger(point.Slice(1, CoordinateSize), isUnsigned: true, isBigEndian: true);
        var y = new BigInteger(point.Slice(1 + CoordinateSize, CoordinateSize), isUnsigned: true, isBigEndian: true);
        if (x >= Prime || y >= Prime)
        {
            throw new KeyFormatException("the ECDSA public point is not on the curve");
        }

        var left = BigInteger.ModPow(y, 2, Prime);
        var right = ((BigInteger.ModPow(x, 3, Prime) - (3 * x) + B) % Prime + Prime) % Prime;
        if (left != right)
        {
            throw new KeyFormatException("the ECDSA public point is not on the curve");
        }

        // sshkey_ec_validate_public: log2(x) and log2(y) above half the order's, and both below order - 1.
        long half = Order.GetBitLength() / 2;
        if (x.GetBitLength() <= half || y.GetBitLength() <= half || x >= Order - 1 || y >= Order - 1)
        {
            throw new KeyFormatException("the ECDSA public point is one OpenSSH refuses (a coordinate out of range)");
        }
    }

    private static BigInteger Parse(string hex) => BigInteger.Parse("0" + hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
