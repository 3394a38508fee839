using NeuralVision.Tools.Jump.Import;
using NeuralVision.Tools.Platform;
using NeuralVision.Tools.Tests.Jump.Import;

namespace NeuralVision.Tools.Tests.Jump.Commands;

public sealed class ImportCommandTests : IDisposable
{
    private readonly TestContext nvt = new();

    public void Dispose() => nvt.Dispose();

    private static long Now => TestContext.DefaultNow.ToUnixTimeSeconds();

    [Fact]
    public void Import_Z_FromItsDefaultLocation_ThenQueryFindsTheEntries()
    {
        string src = nvt.MakeDirectory("src");
        string pipe = nvt.MakeDirectory("odd|name");
        Write(".z", $"{src}|12|{Now - 60}\r\n{pipe}|2,5|{Now - 7200}\r\n");

        Assert.Equal(ExitCodes.Ok, nvt.Run("import", "--from", "z"));
        Assert.Equal($"imported 2, merged 0, skipped 0 from {nvt.Home}/.z\n", nvt.Output.ToString());
        Assert.Equal("", nvt.Error.ToString());

        nvt.Run("list", "--score");
        Assert.Equal($"  48.0 {src}\n   5.0 {pipe}\n", nvt.Output.ToString());
        nvt.Run("query", "name");
        Assert.Equal(pipe + "\n", nvt.Output.ToString());
    }

    [Fact]
    public void Import_MalformedLine_ImportsNothingAndExitsOne()
    {
        string file = Write("z-data", $"/ok|1|{Now}\n/bad|x|{Now}\nrelative|1|{Now}\n");

        var error = Assert.Throws<NvtException>(() => nvt.Run("import", "--from", "z", file));

        Assert.Equal(ExitCodes.BadImportFile, error.ExitCode);
        Assert.Equal($"{file}: not a valid z file; nothing imported (--skip-bad imports the good lines)", error.Message);
        Assert.Equal("", nvt.Output.ToString());
        Assert.Equal(
            $"nvt: {file}:2: rank 'x' is not a non-negative number\n"
            + $"nvt: {file}:3: path 'relative' is not absolute\n",
            nvt.Error.ToString());
        Assert.False(File.Exists(nvt.DatabasePath));
    }

    [Fact]
    public void Import_SkipBad_ReportsEachBadLineAndImportsTheRest()
    {
        string file = Write("z-data", $"/ok|1|{Now}\n/bad|x|{Now}\n/also-ok|2|{Now}\n");

        Assert.Equal(ExitCodes.Ok, nvt.Run("import", "--from", "z", file, "--skip-bad"));

        Assert.Equal($"nvt: {file}:2: rank 'x' is not a non-negative number (skipped)\n", nvt.Error.ToString());
        Assert.StartsWith($"imported 2, merged 0, skipped 1 from {file}\n", nvt.Output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Import_NonEmptyDatabaseWithoutMerge_IsRefusedWithTheReason()
    {
        string kept = nvt.MakeDirectory("kept");
        nvt.Run("add", kept);
        string file = Write("z-data", $"/imported|1|{Now}\n");

        var error = Assert.Throws<NvtException>(() => nvt.Run("import", "--from", "z", file));

        Assert.Equal(ExitCodes.Error, error.ExitCode);
        Assert.Equal(
            $"the database already has 1 entry ({nvt.DatabasePath}); importing would mix the two histories, so nothing was imported: "
            + "add --merge to combine them (ranks of the same path are summed, the later visit time is kept)",
            error.Message);
        Assert.Equal("", nvt.Output.ToString());
        nvt.Run("list");
        Assert.Equal(kept + "\n", nvt.Output.ToString());
    }

    [Fact]
    public void Import_Merge_SumsRanksKeepsLatestTimeAndSaysWhatWasMerged()
    {
        string kept = nvt.MakeDirectory("kept");
        string other = nvt.MakeDirectory("other");
        nvt.Run("add", kept);
        string file = Write("z-data", $"{kept}|4|{Now - 86_400}\n{other}|1|{Now - 60}\n");

        Assert.Equal(ExitCodes.Ok, nvt.Run("import", "--from", "z", file, "--merge"));

        Assert.Equal($"imported 1, merged 1, skipped 0 from {file}\n", nvt.Output.ToString());
        nvt.Run("list", "--score");
        Assert.Equal($"  20.0 {kept}\n   4.0 {other}\n", nvt.Output.ToString()); // rank 1 + 4, visited now
    }

    [Fact]
    public void Import_Fasd_FilesBecomeFilesAndMissingPathsAreKeptAndCounted()
    {
        string dir = nvt.MakeDirectory("proj");
        string file = Path.Combine(dir, "notes.txt");
        File.WriteAllText(file, "x");
        string missing = Path.Combine(nvt.Home, "unmounted/disk");
        Write(".fasd", $"{dir}|3|{Now}\n{file}|2|{Now}\n{missing}|1|{Now}\n");

        Assert.Equal(ExitCodes.Ok, nvt.Run("import", "--from", "fasd"));

        Assert.Equal(
            $"imported 3, merged 0, skipped 0 from {nvt.Home}/.fasd\n"
            + "kept 1 path that does not exist now (queries skip them; an unmounted drive may hold them; `nvt prune` removes them)\n",
            nvt.Output.ToString());
        nvt.Run("list", "--files");
        Assert.Equal(file + "\n", nvt.Output.ToString());
        nvt.Run("list", "--dirs");
        Assert.Equal($"{dir}\n{missing}\n", nvt.Output.ToString());
    }

    [Fact]
    public void Import_Autojump_MapsWeightsToVisitCounts()
    {
        string two = nvt.MakeDirectory("two visits");
        string nine = nvt.MakeDirectory("nine");
        string file = Write(".local/share/autojump/autojump.txt", $"14.142135623730951\t{two}\n30.0\t{nine}\n");
        File.SetLastWriteTimeUtc(file, TestContext.DefaultNow.UtcDateTime.AddDays(-2));

        Assert.Equal(ExitCodes.Ok, nvt.Run("import", "--from", "autojump"));

        nvt.Run("list", "--score");
        Assert.Equal($"   4.5 {nine}\n   1.0 {two}\n", nvt.Output.ToString()); // ranks 9 and 2, written two days ago: x 0.5
    }

    [Fact]
    public void Import_Zoxide_ReadsDbZoAndRefusesOtherVersions()
    {
        string a = nvt.MakeDirectory("a");
        string db = Path.Combine(nvt.Home, ".local/share/zoxide/db.zo");
        Directory.CreateDirectory(Path.GetDirectoryName(db)!);
        File.WriteAllBytes(db, ZoxideFormatTests.DbZo(3, (a, 2.0, (ulong)Now)));

        Assert.Equal(ExitCodes.Ok, nvt.Run("import", "--from", "zoxide"));
        Assert.Equal($"imported 1, merged 0, skipped 0 from {db}\n", nvt.Output.ToString());

        File.WriteAllBytes(db, ZoxideFormatTests.DbZo(2, (a, 2.0, (ulong)Now)));
        var error = Assert.Throws<ImportException>(() => nvt.Run("import", "--from", "zoxide", "--merge"));
        Assert.Equal(ExitCodes.BadImportFile, error.ExitCode);
        Assert.Equal($"{db}: unsupported zoxide database version 2 (nvt reads version 3, written by zoxide 0.3 and later)", error.Message);
    }

    [Fact]
    public void Import_TruncatedDbZo_IsAnErrorUnlessSkipBad()
    {
        byte[] whole = ZoxideFormatTests.DbZo(3, ("/first", 1, 1), ("/second", 1, 1));
        string db = Path.Combine(nvt.Home, "db.zo");
        File.WriteAllBytes(db, whole[..^4]);

        var error = Assert.Throws<NvtException>(() => nvt.Run("import", "--from", "zoxide", db));
        Assert.Equal(ExitCodes.BadImportFile, error.ExitCode);
        Assert.Equal($"nvt: {db}: truncated: the file ends inside entry 2 of 2\n", nvt.Error.ToString());
        Assert.False(File.Exists(nvt.DatabasePath));

        Assert.Equal(ExitCodes.Ok, nvt.Run("import", "--from", "zoxide", db, "--skip-bad"));
        Assert.StartsWith($"imported 1, merged 0, skipped 1 from {db}\n", nvt.Output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Import_NoFileAtTheDefaultLocation_SaysWhereItLooked()
    {
        var error = Assert.Throws<NvtException>(() => nvt.Run("import", "--from", "zlua"));

        Assert.Equal(ExitCodes.Error, error.ExitCode);
        Assert.Equal(
            $"no zlua data found at {nvt.Home}/.zlua or {nvt.Home}/.local/share/zlua/zlua.txt; give its path: nvt import --from zlua PATH",
            error.Message);
    }

    [Fact]
    public void Import_MissingFile_IsAnErrorNamingIt()
    {
        string file = Path.Combine(nvt.Home, "no-such-file");

        var error = Assert.Throws<NvtException>(() => nvt.Run("import", "--from", "fasd", file));

        Assert.Equal(ExitCodes.Error, error.ExitCode);
        Assert.StartsWith($"cannot read {file}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_AFifo_IsRefusedAtOnceNamingIt()
    {
        // A FIFO must not hang the import (nothing ever writes to it here).
        string fifo = Path.Combine(nvt.Home, "z-fifo");
        System.Diagnostics.Process.Start("mkfifo", [fifo]).WaitForExit();

        var error = Assert.Throws<NvtException>(() => nvt.Run("import", "--from", "z", fifo));

        Assert.Equal($"cannot read {fifo}: is a FIFO, not a regular file", error.Message);
        Assert.False(File.Exists(nvt.DatabasePath));
    }

    [Fact]
    public void Import_UnknownFormatOrMissingFrom_IsAUsageError()
    {
        Assert.Equal(ExitCodes.Error, nvt.Run("import", "--from", "jump"));
        Assert.Equal(ExitCodes.Error, nvt.Run("import"));
        Assert.False(File.Exists(nvt.DatabasePath));
    }

    [Fact]
    public void Import_RelativePath_IsTakenFromTheWorkingDirectory()
    {
        Write("exports/z.txt", $"/x|1|{Now}\n");
        nvt.CurrentDirectory = Path.Combine(nvt.Home, "exports");

        Assert.Equal(ExitCodes.Ok, nvt.Run("import", "--from", "z", "z.txt"));
        Assert.Equal($"imported 1, merged 0, skipped 0 from {nvt.Home}/exports/z.txt\n"
            + "kept 1 path that does not exist now (queries skip them; an unmounted drive may hold them; `nvt prune` removes them)\n",
            nvt.Output.ToString());
    }

    private string Write(string relative, string text)
    {
        string path = Path.Combine(nvt.Home, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
