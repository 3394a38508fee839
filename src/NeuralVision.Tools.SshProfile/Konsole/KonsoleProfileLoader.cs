namespace NeuralVision.Tools.SshProfile.Konsole;

/// <summary>
/// Gets a profile file into a running Konsole. Konsole 22.12 reads profile files once, when it starts: setProfile of
/// a profile written later is silently ignored. <see cref="IKonsoleTab.LoadProfileAsync"/> (KDBusService's
/// CommandLine) is the one D-Bus way found to make it read one; profileList() then says whether it worked.
/// </summary>
public static class KonsoleProfileLoader
{
    /// <summary>True when Konsole lists the profile (it has it loaded, from a file or its dialogs).</summary>
    public static async Task<bool> IsLoadedAsync(IKonsoleTab tab, string name)
    {
        ArgumentNullException.ThrowIfNull(tab);
        return (await tab.GetProfileListAsync().ConfigureAwait(false)).Contains(name, StringComparer.Ordinal);
    }

    /// <summary>Loads <paramref name="file"/>; returns null when Konsole lists <paramref name="name"/> afterwards, else why not.</summary>
    public static async Task<string?> LoadAsync(IKonsoleTab tab, string name, string file, string? runtimeDirectory, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(tab);
        try
        {
            using (var layout = EmptyLayout.Create(runtimeDirectory))
            {
                await tab.LoadProfileAsync(file, layout.Path, workingDirectory).ConfigureAwait(false);
            }

            return await IsLoadedAsync(tab, name).ConfigureAwait(false)
                ? null
                : $"Konsole did not load {file} (it may need a restart to see it)";
        }
        catch (KonsoleException e)
        {
            return $"Konsole could not be asked to load {file}: {e.Message}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot make the empty layout file Konsole needs to load {file}: {e.Message}";
        }
    }
}
