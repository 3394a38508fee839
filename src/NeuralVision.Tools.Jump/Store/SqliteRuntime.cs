using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.InteropServices;

namespace NeuralVision.Tools.Jump.Store;

/// <summary>Selects the SQLite provider and sets SQLite's process-wide options once per process.</summary>
public static partial class SqliteRuntime
{
    /// <summary>The feature switch nvt's csproj sets for the AOT compiler (IlcArg --feature).</summary>
    public const string LinkedStaticallySwitch = "NeuralVision.Tools.Sqlite.LinkedStatically";

    private const string Library = "e_sqlite3";
    private const int ConfigPageCache = 7;
    private const int ConfigMemStatus = 9;

    private static int initialized;

    /// <summary>
    /// True in the published binary, where "e_sqlite3" resolves at link time to the static libsqlite3.a: nvt's csproj
    /// passes this switch to the AOT compiler alone, which turns the property into a constant. Every other build
    /// (`dotnet build`, `dotnet run`, tests, benchmarks) runs under the JIT and finds no libe_sqlite3.so, so there the
    /// name is mapped to the system's libsqlite3.so.0 (Debian's libsqlite3-0). RuntimeFeature.IsDynamicCodeSupported
    /// cannot tell the two apart: PublishAot sets it to false in the JIT build's runtimeconfig.json too.
    /// </summary>
    [FeatureSwitchDefinition(LinkedStaticallySwitch)]
    private static bool LinkedStatically => AppContext.TryGetSwitch(LinkedStaticallySwitch, out bool linked) && linked;

    /// <summary>Selects the provider and sets SQLite's process-wide options; only the first call does anything.</summary>
    public static void Initialize()
    {
        if (Interlocked.Exchange(ref initialized, 1) == 1)
        {
            return;
        }

        if (!LinkedStatically)
        {
            NativeLibrary.SetDllImportResolver(typeof(SQLitePCL.SQLite3Provider_e_sqlite3).Assembly, ResolveSystemSqlite);
            NativeLibrary.SetDllImportResolver(typeof(SqliteRuntime).Assembly, ResolveSystemSqlite);
        }

        ConfigureForShortProcesses();
        SQLitePCL.raw.SetProvider(new SQLitePCL.SQLite3Provider_e_sqlite3());
    }

    /// <summary>
    /// Every nvt process opens one connection, runs a few statements and exits, so two of SQLite's defaults for
    /// long-lived processes only cost start-up time: memory statistics kept under a global mutex on every allocation
    /// (nvt never reads them), and a page cache that allocates 20 pages in bulk at its first use where an `add` reads a
    /// handful (pages are then allocated one by one, as needed). Measured on `nvt add`: 173,000 fewer instructions
    /// (5 %) and 14 fewer page faults. Both must be set before SQLite initialises (the first open); a call made later
    /// returns SQLITE_MISUSE and changes nothing, which is harmless.
    /// </summary>
    private static void ConfigureForShortProcesses()
    {
        // Each call only changes a default, so a failure leaves SQLite as it would be without it: nothing to report.
        _ = ConfigInt(ConfigMemStatus, 0);
        _ = ConfigPointerIntInt(ConfigPageCache, IntPtr.Zero, 0, 0);
    }

    private static IntPtr ResolveSystemSqlite(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != Library)
        {
            return IntPtr.Zero;
        }

        return NativeLibrary.TryLoad("libsqlite3.so.0", out var handle) ? handle : IntPtr.Zero;
    }

    // sqlite3_config is variadic; on x86-64 and arm64 Linux, integer and pointer arguments of a variadic call are passed
    // exactly like fixed ones, so a fixed-argument import per shape is sound (SQLitePCLRaw binds it the same way).
    [LibraryImport(Library, EntryPoint = "sqlite3_config")]
    private static partial int ConfigInt(int option, int value);

    [LibraryImport(Library, EntryPoint = "sqlite3_config")]
    private static partial int ConfigPointerIntInt(int option, IntPtr pointer, int first, int second);
}
