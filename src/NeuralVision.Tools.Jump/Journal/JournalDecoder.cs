namespace NeuralVision.Tools.Jump.Journal;

/// <summary>
/// Reads the visit journal the shell hooks append to with builtins only. A record is
/// <c>NUL TIME SP KIND SP PATH NUL LF</c>: TIME is decimal Unix seconds or '-' (fish and POSIX shells have no builtin
/// clock), KIND one letter ('d' a directory entered, 'f' a file; readers skip letters they do not know), PATH the exact
/// bytes of $PWD; bash writes a newline inside PATH as NUL 'L' so that its line-buffered output issues one write(2).
/// A path never contains NUL, so every NUL is a marker: NUL LF ends a record, NUL 'L' is a newline, any other NUL
/// starts a record. A record is accepted only when it starts at a NUL, parses, and ends with NUL LF; anything else (cut
/// by a full disk or a killed shell, zeros after a crash, the halves of a record split around another shell's append)
/// is skipped to the next NUL that starts a record, so a torn record is never read as a path and never takes the next
/// one with it. The reference decoder is /work/proto/store/journal/journal.py.
/// </summary>
internal static class JournalDecoder
{
    /// <summary>A path longer than this (PATH_MAX less its NUL) is not one a shell can be in.</summary>
    public const int MaximumPathBytes = 4095;

    private const byte Nul = 0;
    private const byte NewLine = (byte)'\n';
    private const byte EscapedNewLine = (byte)'L';

    /// <summary>
    /// The records in <paramref name="data"/>, which starts at a record boundary (0 or an offset returned before), and
    /// how many bytes were consumed. An incomplete tail (no NUL LF yet: it may still be being written) is left for the
    /// next fold, unless <paramref name="tailIsFinal"/> says nobody can still be writing it.
    /// </summary>
    public static (List<JournalRecord> Records, int Consumed) Decode(ReadOnlySpan<byte> data, bool tailIsFinal = false)
    {
        var records = new List<JournalRecord>();
        int p = SkipToNul(data, 0);
        int safe = p;
        while (p < data.Length)
        {
            var body = new List<byte>();
            int q = p + 1;
            bool complete = false, torn = false;
            while (q < data.Length)
            {
                byte b = data[q];
                if (b != Nul)
                {
                    body.Add(b);
                    q++;
                    continue;
                }

                if (q + 1 >= data.Length)
                {
                    break;
                }

                if (data[q + 1] == EscapedNewLine)
                {
                    body.Add(NewLine);
                    q += 2;
                    continue;
                }

                complete = data[q + 1] == NewLine;
                torn = !complete;
                q += complete ? 2 : 0;
                break;
            }

            if (complete)
            {
                if (Parse(body) is JournalRecord record)
                {
                    records.Add(record);
                }

                // After NUL LF comes the next record's NUL, or junk (the second half of a split record).
                p = SkipToNul(data, q);
                safe = p;
            }
            else if (torn)
            {
                p = q;
                safe = p;
            }
            else
            {
                return (records, tailIsFinal ? data.Length : safe);
            }
        }

        return (records, safe);
    }

    private static int SkipToNul(ReadOnlySpan<byte> data, int from)
    {
        int index = data[from..].IndexOf(Nul);
        return index < 0 ? data.Length : from + index;
    }

    private static JournalRecord? Parse(List<byte> body)
    {
        int firstSpace = body.IndexOf((byte)' ');
        if (firstSpace < 1 || firstSpace > 12 || body.Count < firstSpace + 4 || body[firstSpace + 2] != (byte)' ')
        {
            return null;
        }

        long? time = null;
        if (!(firstSpace == 1 && body[0] == (byte)'-'))
        {
            long value = 0;
            for (int i = 0; i < firstSpace; i++)
            {
                if (body[i] is < (byte)'0' or > (byte)'9')
                {
                    return null;
                }

                value = (value * 10) + (body[i] - '0');
            }

            time = value;
        }

        byte kind = body[firstSpace + 1];
        int pathStart = firstSpace + 3;
        int pathLength = body.Count - pathStart;
        if (body[pathStart] != (byte)'/' || pathLength > MaximumPathBytes)
        {
            return null;
        }

        return new JournalRecord(time, kind, body.GetRange(pathStart, pathLength).ToArray());
    }
}
