using System.Diagnostics;
using NeuralVision.Tools.Platform.Files;
using NeuralVision.Tools.Tests.Fakes;

namespace NeuralVision.Tools.Tests.Platform.Files;

public sealed class RegularFileTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void ReadAll_AFifo_IsRefusedWithoutWaitingForAWriter()
    {
        string fifo = Path.Combine(temp.Path, "x.pub");
        Process.Start("mkfifo", [fifo]).WaitForExit();
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<FileReadException>(() => RegularFile.ReadAll(fifo, 1024));

        Assert.Equal(FileReadProblem.NotRegular, error.Problem);
        Assert.Equal($"{fifo} is a FIFO, not a regular file", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void ReadAll_ADevice_IsRefused() =>
        Assert.Equal(FileReadProblem.NotRegular, Assert.Throws<FileReadException>(() => RegularFile.ReadAll("/dev/zero", 1024)).Problem);

    [Fact]
    public void ReadAll_LargerThanTheCap_IsRefused()
    {
        string file = Path.Combine(temp.Path, "big");
        File.WriteAllBytes(file, new byte[2048]);

        Assert.Equal(FileReadProblem.TooLarge, Assert.Throws<FileReadException>(() => RegularFile.ReadAll(file, 1024)).Problem);
        Assert.Equal(2048, RegularFile.ReadAll(file, 2048).Length);
    }

    [Fact]
    public void ReadIfExists_MissingOrADanglingLink_IsNull()
    {
        string link = Path.Combine(temp.Path, "link");
        File.CreateSymbolicLink(link, Path.Combine(temp.Path, "nothing"));

        Assert.Null(RegularFile.ReadIfExists(Path.Combine(temp.Path, "missing"), 10));
        Assert.Null(RegularFile.ReadIfExists(link, 10));
        Assert.Equal("no such file or directory", Assert.Throws<FileReadException>(() => RegularFile.ReadAll(link, 10)).Reason);
    }
}
