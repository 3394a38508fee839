using System.Buffers.Binary;
using System.Text;
using NeuralVision.Tools.Platform.Files;

namespace NeuralVision.Tools.Jump.Import;

/// <summary>
/// zoxide's binary db.zo, version 3 (zoxide 0.3 onwards): bincode with fixed-width little-endian integers, a u32
/// version, a u64 entry count, then per entry a u64 length, that many bytes of UTF-8 path, an f64 rank and a u64 last
/// access in Unix seconds. Any other version is refused: its layout is unknown, so guessing could import garbage.
/// </summary>
public static class ZoxideFormat
{
    public const uint SupportedVersion = 3;

    private const int VersionSize = 4;
    private const int CountSize = 8;
    private const int LengthSize = 8;
    private const int RankAndTimeSize = 16;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Reads every entry. A cut-off file yields the entries before the cut plus one problem, so --skip-bad can salvage
    /// them; a file of another version, or one too short to hold the header, throws.
    /// </summary>
    public static ImportFile Parse(ReadOnlySpan<byte> data, string fileName, double maximumRank = ImportedValues.DefaultMaximumRank)
    {
        if (data.Length < VersionSize)
        {
            throw new ImportException($"{fileName}: not a zoxide database: {data.Length} bytes, too short for the version number");
        }

        uint version = BinaryPrimitives.ReadUInt32LittleEndian(data);
        if (version != SupportedVersion)
        {
            throw new ImportException(
                $"{fileName}: unsupported zoxide database version {version} (nvt reads version {SupportedVersion}, written by zoxide 0.3 and later)");
        }

        if (data.Length < VersionSize + CountSize)
        {
            throw new ImportException($"{fileName}: truncated: the file ends inside its header ({data.Length} bytes)");
        }

        ulong count = BinaryPrimitives.ReadUInt64LittleEndian(data[VersionSize..]);
        var entries = new List<JumpEntry>();
        var problems = new List<ImportProblem>();
        int badEntries = 0;
        int position = VersionSize + CountSize;
        for (ulong index = 1; index <= count; index++)
        {
            var rest = data[position..];
            ulong length = rest.Length >= LengthSize ? BinaryPrimitives.ReadUInt64LittleEndian(rest) : ulong.MaxValue;
            if (rest.Length < LengthSize || length > (ulong)(rest.Length - LengthSize) || (ulong)(rest.Length - LengthSize) - length < RankAndTimeSize)
            {
                problems.Add(new ImportProblem(fileName, $"truncated: the file ends inside entry {index} of {count}"));
                return new ImportFile(entries, problems, (int)Math.Min((ulong)badEntries + count - index + 1, int.MaxValue));
            }

            var pathBytes = rest.Slice(LengthSize, (int)length);
            var tail = rest[(LengthSize + (int)length)..];
            double rank = BinaryPrimitives.ReadDoubleLittleEndian(tail);
            ulong epoch = BinaryPrimitives.ReadUInt64LittleEndian(tail[8..]);
            position += LengthSize + (int)length + RankAndTimeSize;

            string? reason = CheckEntry(pathBytes, rank, epoch, maximumRank, out string path);
            if (reason is null)
            {
                entries.Add(new JumpEntry(PathNormalizer.Normalize(path, "/"), rank, (long)epoch));
            }
            else
            {
                problems.Add(new ImportProblem(fileName, $"entry {index} of {count}: {reason}"));
                badEntries++;
            }
        }

        if (position != data.Length)
        {
            problems.Add(new ImportProblem(fileName, $"{data.Length - position} unexpected bytes after the last of {count} entries"));
        }

        return new ImportFile(entries, problems, badEntries);
    }

    private static string? CheckEntry(ReadOnlySpan<byte> pathBytes, double rank, ulong epoch, double maximumRank, out string path)
    {
        try
        {
            path = StrictUtf8.GetString(pathBytes);
        }
        catch (DecoderFallbackException)
        {
            path = string.Empty;
            return "path is not valid UTF-8";
        }

        if (ImportedValues.CheckPath(path) is string badPath)
        {
            return badPath;
        }

        if (ImportedValues.CheckRank(rank, maximumRank) is string badRank)
        {
            return badRank;
        }

        return epoch > long.MaxValue ? $"time {epoch} is out of range" : null;
    }
}
