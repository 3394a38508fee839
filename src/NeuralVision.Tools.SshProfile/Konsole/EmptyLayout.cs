namespace NeuralVision.Tools.SshProfile.Konsole;

/// <summary>
/// A new empty file for <see cref="IKonsoleTab.LoadProfileAsync"/>'s <c>--layout</c>: with it Konsole opens no tab,
/// and it must exist (a missing one makes Konsole show a modal dialog and never answer). Made fresh, with a random
/// name, in nvt's own runtime directory when there is one, and removed on Dispose: a shared, fixed path could be
/// replaced by another user with a real layout.
/// </summary>
public sealed class EmptyLayout : IDisposable
{
    private EmptyLayout(string path)
    {
        Path = path;
    }

    public string Path { get; }

    public static EmptyLayout Create(string? runtimeDirectory)
    {
        string directory = runtimeDirectory ?? System.IO.Path.GetTempPath();
        string path = System.IO.Path.Combine(directory, $"nvt-empty-layout-{Guid.NewGuid():N}.json");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite };
        using (new FileStream(path, options))
        {
        }

        return new EmptyLayout(path);
    }

    public void Dispose()
    {
        try
        {
            File.Delete(Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover empty file in the runtime or temp directory harms nothing.
        }
    }
}
