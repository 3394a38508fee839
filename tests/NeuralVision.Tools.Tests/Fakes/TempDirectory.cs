namespace NeuralVision.Tools.Tests.Fakes;

/// <summary>A directory under /tmp that is deleted with everything in it on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("nvt-test-").FullName;
    }

    public string Path { get; }

    /// <summary>Creates a directory below this one (and its parents) and returns its absolute path.</summary>
    public string MakeDirectory(string relative)
    {
        string full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(full);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
