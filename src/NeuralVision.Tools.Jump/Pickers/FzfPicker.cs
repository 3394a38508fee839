using System.Diagnostics;
using System.Text;

namespace NeuralVision.Tools.Interactive;

/// <summary>
/// Chooses with fzf. Candidates go in and the choice comes out NUL-separated, so any path (newlines included) survives;
/// fzf draws on the terminal itself. NVT_FZF_OPTS replaces the default options.
/// </summary>
public sealed class FzfPicker : IPicker
{
    public const string DefaultOptions = "--height=40% --layout=reverse --no-sort --exit-0 --select-1 --scheme=path --prompt='nvt> '";

    private readonly string fzfPath;
    private readonly string options;

    public FzfPicker(string fzfPath, string? options)
    {
        this.fzfPath = fzfPath;
        this.options = string.IsNullOrWhiteSpace(options) ? DefaultOptions : options;
    }

    public PickResult Pick(IReadOnlyList<string> candidates)
    {
        // FZF_DEFAULT_OPTS carries the options so fzf parses them with its own quoting rules.
        var start = new ProcessStartInfo(fzfPath, ["--read0", "--print0"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = new UTF8Encoding(false),
        };
        start.Environment["FZF_DEFAULT_OPTS"] = (Environment.GetEnvironmentVariable("FZF_DEFAULT_OPTS") + " " + options).Trim();
        using var fzf = Process.Start(start) ?? throw new NvtException("could not start fzf");
        var output = fzf.StandardOutput.ReadToEndAsync();
        try
        {
            foreach (string candidate in candidates)
            {
                fzf.StandardInput.Write(candidate);
                fzf.StandardInput.Write('\0');
            }

            fzf.StandardInput.Close();
        }
        catch (IOException)
        {
            // fzf exits as soon as the user chooses or cancels; the rest of the list is not needed.
        }

        fzf.WaitForExit();
        string choice = output.Result.TrimEnd('\0');
        return fzf.ExitCode switch
        {
            0 when choice.Length > 0 => new PickResult(choice, ExitCodes.Ok),
            130 => new PickResult(null, ExitCodes.Interrupted),
            _ => new PickResult(null, ExitCodes.NoMatch),
        };
    }

    /// <summary>fzf's path when it is on PATH, else null.</summary>
    public static string? Find(string? pathVariable)
    {
        foreach (string directory in (pathVariable ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(directory, "fzf");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
