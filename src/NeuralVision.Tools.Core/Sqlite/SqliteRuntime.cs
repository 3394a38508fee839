using System.Reflection;
using System.Runtime.InteropServices;

namespace NeuralVision.Tools.Sqlite;

/// <summary>Selects the SQLite provider once per process.</summary>
public static class SqliteRuntime
{
    private static int initialized;

    /// <summary>
    /// In the AOT binary "e_sqlite3" resolves at link time to the static libsqlite3.a. Under the JIT (tests, benchmarks)
    /// there is no libe_sqlite3.so, so the name is mapped to the system's libsqlite3.so.0 instead.
    /// </summary>
    public static void Initialize()
    {
        if (Interlocked.Exchange(ref initialized, 1) == 1)
        {
            return;
        }

        if (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported)
        {
            SQLitePCL.raw.SetProvider(new SQLitePCL.SQLite3Provider_e_sqlite3());
            return;
        }

        NativeLibrary.SetDllImportResolver(typeof(SQLitePCL.SQLite3Provider_e_sqlite3).Assembly, ResolveSystemSqlite);
        SQLitePCL.raw.SetProvider(new SQLitePCL.SQLite3Provider_e_sqlite3());
    }

    private static IntPtr ResolveSystemSqlite(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != "e_sqlite3")
        {
            return IntPtr.Zero;
        }

        return NativeLibrary.TryLoad("libsqlite3.so.0", out var handle) ? handle : IntPtr.Zero;
    }
}
