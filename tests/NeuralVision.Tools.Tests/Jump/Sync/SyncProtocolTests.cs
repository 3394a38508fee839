using System.IO.Pipes;
using System.Text;
using NeuralVision.Tools.Jump;
using NeuralVision.Tools.Jump.Sync;

namespace NeuralVision.Tools.Tests.Jump.Sync;

/// <summary>The ssh transport's protocol, client and server in one process over pipes (the published binary over a real sshd is an integration test).</summary>
public sealed class SyncProtocolTests : IDisposable
{
    private const long Start = 1_700_000_000;

    private static readonly byte[] LaptopHome = Encoding.UTF8.GetBytes("/home/alice");
    private static readonly byte[] VmHome = Encoding.UTF8.GetBytes("/u/alice-b");

    private readonly TempDirectory temp = new();

    private string LaptopDatabase => Path.Combine(temp.Path, "laptop", "nvt.db");

    private string VmDatabase => Path.Combine(temp.Path, "vm", "nvt.db");

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Exchange_BothSidesEndWithTheSameRanks_AndASecondExchangeSendsOnlyWhatChanged()
    {
        Visit(LaptopDatabase, "/home/alice/src/api", 3);
        Visit(VmDatabase, "/u/alice-b/src/api", 2);
        Visit(VmDatabase, "/srv/www", 1);

        var (client, server) = Exchange();
        Assert.Equal(2, client.PathsChanged);
        Assert.Equal(1, server.PathsChanged);
        Assert.Equal(new Dictionary<string, double> { ["/home/alice/src/api"] = 5, ["/srv/www"] = 1 }, Ranks(LaptopDatabase));
        Assert.Equal(new Dictionary<string, double> { ["/u/alice-b/src/api"] = 5, ["/srv/www"] = 1 }, Ranks(VmDatabase));

        Visit(LaptopDatabase, "/home/alice/src/api", 1);
        var (again, _) = Exchange();
        Assert.Equal(6, Ranks(VmDatabase)["/u/alice-b/src/api"]);
        Assert.True(again.BytesSent < client.BytesSent + 200, $"{again.BytesSent} bytes sent the second time");
        var (idle, idleServer) = Exchange();
        Assert.Equal(0, idle.PathsChanged + idleServer.PathsChanged);
        Assert.Equal(6, Ranks(LaptopDatabase)["/home/alice/src/api"]);
    }

    [Fact]
    public void Serve_RefusesSomethingThatIsNotNvt_AndLeavesTheDatabaseAsItWas()
    {
        Visit(VmDatabase, "/srv/www", 1);
        byte[] before = File.ReadAllBytes(VmDatabase);
        using var database = JumpDatabase.OpenForWriting(VmDatabase);
        using var input = new MemoryStream([0, 0, 0, 5, .. "hello"u8]);
        var error = Assert.Throws<SyncFormatException>(() => SyncProtocol.Serve(database, input, Stream.Null, VmHome, Start));
        Assert.Contains("expects nvt sync", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(VmDatabase));
    }

    [Fact]
    public void Exchange_AServerThatHangsUpEarly_IsASentence_AndNothingIsMerged()
    {
        Visit(LaptopDatabase, "/home/alice/notes", 1);
        using var database = JumpDatabase.OpenForWriting(LaptopDatabase);
        var error = Assert.Throws<SyncFormatException>(() => SyncProtocol.Exchange(database, Stream.Null, new MemoryStream(), LaptopHome, Start));
        Assert.Contains("connection closed", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, Ranks(LaptopDatabase)["/home/alice/notes"]);
    }

    private static void Visit(string database, string path, int times)
    {
        using var open = JumpDatabase.OpenForWriting(database);
        for (int i = 0; i < times; i++)
        {
            open.Add([path], 1, Start + i, 1e9);
        }
    }

    private static Dictionary<string, double> Ranks(string database)
    {
        using var open = JumpDatabase.OpenForWriting(database);
        return open.ReadAll().ToDictionary(entry => entry.Path, entry => entry.Rank);
    }

    private (SyncExchange Client, SyncExchange Server) Exchange()
    {
        using var toServer = new AnonymousPipeServerStream(PipeDirection.Out);
        using var serverInput = new AnonymousPipeClientStream(PipeDirection.In, toServer.ClientSafePipeHandle);
        using var toClient = new AnonymousPipeServerStream(PipeDirection.Out);
        using var clientInput = new AnonymousPipeClientStream(PipeDirection.In, toClient.ClientSafePipeHandle);
        var server = Task.Run(() =>
        {
            using var database = JumpDatabase.OpenForWriting(VmDatabase);
            return SyncProtocol.Serve(database, serverInput, toClient, VmHome, Start + 100);
        });
        using var laptop = JumpDatabase.OpenForWriting(LaptopDatabase);
        var client = SyncProtocol.Exchange(laptop, toServer, clientInput, LaptopHome, Start + 100);
        return (client, server.GetAwaiter().GetResult());
    }
}
