using System.Diagnostics;
using System.Text;
using NeuralVision.Tools.Platform.Settings;

namespace NeuralVision.Tools.Platform.Processes;

/// <summary>The real processes; PATH comes from <see cref="NvtSettings.SearchPath"/>.</summary>
public sealed class ProcessRunner : IProcessRunner
{
    private readonly NvtSettings settings;

    public ProcessRunner(NvtSettings settings)
    {
        this.settings = settings;
    }

    public string? FindOnPath(string name) => Search(settings.SearchPath, name);

    /// <summary>The PATH search of <see cref="IProcessRunner.FindOnPath"/> over the given PATH value.</summary>
    public static string? Search(string pathVariable, string name)
    {
        ArgumentNullException.ThrowIfNull(pathVariable);
        foreach (string directory in pathVariable.Split(':'))
        {
            string candidate = (directory.Length == 0 ? "." : directory) + "/" + name;
            if (File.Exists(candidate) && (File.GetUnixFileMode(candidate) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0)
            {
                return candidate;
            }
        }

        return null;
    }

    public IForegroundScope BeginForeground(bool forwardTermination) => new ForegroundScope(forwardTermination);

    public CapturedRun? Capture(CaptureRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var utf8 = new UTF8Encoding(false);
        var start = new ProcessStartInfo(request.Program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = request.CaptureErrors,
            RedirectStandardInput = request.Input is not null,
            StandardOutputEncoding = utf8,
            StandardErrorEncoding = request.CaptureErrors ? utf8 : null,
            StandardInputEncoding = request.Input is null ? null : utf8,
        };
        foreach (string argument in request.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in request.Environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = request.CaptureErrors ? process.StandardError.ReadToEndAsync() : Task.FromResult(string.Empty);
        if (request.Input is not null)
        {
            try
            {
                process.StandardInput.Write(request.Input);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The program may exit before reading everything (fzf does as soon as the person chooses).
            }
        }

        if (request.Timeout is TimeSpan timeout)
        {
            if (!process.WaitForExit(timeout))
            {
                process.Kill();
                return null;
            }
        }
        else
        {
            process.WaitForExit();
        }

        return new CapturedRun(process.ExitCode, output.Result, errors.Result);
    }
}
