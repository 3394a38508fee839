namespace NeuralVision.Tools.IntegrationTests.Shell;

/// <summary>The visit journal as the tests read it: complete records end with NUL LF (see JournalDecoder).</summary>
internal static class JournalFile
{
    public static int CountRecords(string dataDirectory)
    {
        int count = 0;
        foreach (string name in new[] { "journal", "journal.1" })
        {
            string path = Path.Combine(dataDirectory, name);
            byte[] bytes = File.Exists(path) ? File.ReadAllBytes(path) : [];
            for (int i = 0; i + 1 < bytes.Length; i++)
            {
                count += bytes[i] == 0 && bytes[i + 1] == (byte)'\n' ? 1 : 0;
            }
        }

        return count;
    }
}
