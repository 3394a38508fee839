using System.Runtime.CompilerServices;
using Xunit.Abstractions;

namespace NeuralVision.Tools.IntegrationTests.Infrastructure;

/// <summary>What a failed real-Konsole test leaves behind: a screenshot of the Xvfb screen and Konsole's stderr.</summary>
public static class KonsoleDiagnostics
{
    /// <summary>
    /// Saves a screenshot and Konsole's stderr as TEST.png and TEST.konsole-stderr.txt in konsole-screenshots/ of the
    /// test output directory, and returns the PNG's path (or why there is none).
    /// </summary>
    public static string SaveDiagnostics(this RealKonsole konsole, string testName)
    {
        try
        {
            string directory = Path.Combine(AppContext.BaseDirectory, "konsole-screenshots");
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, testName + ".konsole-stderr.txt"), konsole.KonsoleErrors);
            return konsole.Screenshot(Path.Combine(directory, testName + ".png"));
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException or UnauthorizedAccessException)
        {
            // Never hide the test's own failure behind this one.
            return "no screenshot: " + e.Message;
        }
    }

    /// <summary>Runs a test body; when it fails, saves <see cref="SaveDiagnostics"/> and names the files in the test output.</summary>
    public static async Task ScreenshotOnFailureAsync(this RealKonsole konsole, ITestOutputHelper output, Func<Task> body, [CallerMemberName] string testName = "")
    {
        ArgumentNullException.ThrowIfNull(konsole);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            await body().ConfigureAwait(false);
        }
        catch
        {
            output.WriteLine($"failed; screenshot: {konsole.SaveDiagnostics(testName)}");
            output.WriteLine($"Konsole ({konsole.KonsoleStatus}) stderr:\n{konsole.KonsoleErrors}");
            throw;
        }
    }
}
