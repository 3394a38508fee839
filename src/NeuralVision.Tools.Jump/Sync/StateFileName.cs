using System.Globalization;

namespace NeuralVision.Tools.Jump.Sync;

/// <summary>
/// The names nvt gives its files in a sync folder: <c>nvt-ID.full</c> and <c>nvt-ID.SINCE-SEQ.delta</c>, ID being 32
/// lower-case hex digits. Anything else (Syncthing's conflict copies, temporary files, upper-case ids) is not one.
/// Parsed by hand: a regular expression would bring the Regex engine's types, and their start-up cost, into every
/// nvt process.
/// </summary>
internal sealed record StateFileName(string Machine, bool IsDelta, long Since, long Sequence)
{
    private const int IdLength = 32;

    public static StateFileName? Parse(string name)
    {
        if (!name.StartsWith("nvt-", StringComparison.Ordinal) || name.Length < 4 + IdLength + 5 || name[4 + IdLength] != '.')
        {
            return null;
        }

        string machine = name.Substring(4, IdLength);
        if (!machine.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        string rest = name[(4 + IdLength + 1)..];
        if (rest == "full")
        {
            return new StateFileName(machine, false, 0, 0);
        }

        const string Suffix = ".delta";
        int dash = rest.IndexOf('-', StringComparison.Ordinal);
        if (!rest.EndsWith(Suffix, StringComparison.Ordinal) || dash <= 0)
        {
            return null;
        }

        string since = rest[..dash];
        string sequence = rest[(dash + 1)..^Suffix.Length];
        return IsNumber(since) && IsNumber(sequence)
            && long.Parse(since, CultureInfo.InvariantCulture) is long from && long.Parse(sequence, CultureInfo.InvariantCulture) is long to && from < to
            ? new StateFileName(machine, true, from, to)
            : null;
    }

    private static bool IsNumber(string text) => text.Length is > 0 and <= 18 && text.All(char.IsAsciiDigit);
}
