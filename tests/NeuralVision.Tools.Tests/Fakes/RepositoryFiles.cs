namespace NeuralVision.Tools.Tests.Fakes;

/// <summary>Files of the repository the tests hold the code to (README.md): found above the test binary.</summary>
public static class RepositoryFiles
{
    public static string Readme => Find("README.md");

    private static string Find(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string path = Path.Combine(directory.FullName, name);
            if (File.Exists(path) && File.Exists(Path.Combine(directory.FullName, "NeuralVision.Tools.sln")))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"{name} of the repository, above {AppContext.BaseDirectory}");
    }
}
