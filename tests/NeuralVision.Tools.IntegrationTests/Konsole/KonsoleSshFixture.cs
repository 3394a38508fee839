using NeuralVision.Tools.IntegrationTests.Infrastructure;

namespace NeuralVision.Tools.IntegrationTests.Konsole;

/// <summary>
/// A real Konsole (tab in "Local", "Puffin" loaded at the start) whose tab runs nvt's bash integration with the
/// published nvt on PATH, and a real sshd on 127.0.0.1 that lets the user running the tests in with a client key. The
/// remote commands run on this machine, so they can write files the test waits for.
/// </summary>
public sealed class KonsoleSshFixture : IAsyncLifetime, IDisposable
{
    private RealKonsole? konsole;
    private TestSshd? sshd;

    public RealKonsole Konsole => konsole ?? throw new InvalidOperationException("the Konsole fixture did not start");

    public TestSshd Sshd => sshd ?? throw new InvalidOperationException("sshd did not start");

    public async Task InitializeAsync()
    {
        sshd = new TestSshd(new TestSshdOptions(ThrowawayUser: false));
        konsole = await RealKonsole.StartAsync(new RealKonsoleOptions
        {
            StartProfile = LocalKonsoleFixture.Local,
            OtherProfiles = [LocalKonsoleFixture.Puffin],
        });
        string bin = Path.GetDirectoryName(NvtBinary.Path)!;
        int status = await konsole.RunAndWaitAsync($"export PATH='{bin}':$PATH; eval \"$(nvt init bash)\"");
        if (status != 0)
        {
            throw new InvalidOperationException($"`nvt init bash` in the tab exited {status}");
        }
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        konsole?.Dispose();
        sshd?.Dispose();
    }
}
