using System.Diagnostics.CodeAnalysis;
using NeuralVision.Tools.SshProfile;
using NeuralVision.Tools.Sync;

namespace NeuralVision.Tools;

/// <summary>
/// The notes --help and the manual pages print after a command's options, by command name: the ssh-profile feature's
/// and sync's. A small read-only view rather than a merged Dictionary: copying dictionaries made the AOT compiler give
/// every KeyValuePair type of the program array and sorting statics, paid for at each nvt start.
/// </summary>
internal sealed class HelpNotesByCommand : IReadOnlyDictionary<string, string>
{
    public static readonly HelpNotesByCommand Instance = new();

    private static IReadOnlyDictionary<string, string> Profiles => SshProfileCommands.HelpNotes;

    public int Count => Profiles.Count + 1;

    public IEnumerable<string> Keys => Profiles.Keys.Append("sync");

    public IEnumerable<string> Values => Profiles.Values.Append(SyncCommand.HelpNotes);

    public string this[string key] => TryGetValue(key, out string? value) ? value : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        if (key == "sync")
        {
            value = SyncCommand.HelpNotes;
            return true;
        }

        return Profiles.TryGetValue(key, out value);
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() =>
        Profiles.Append(new KeyValuePair<string, string>("sync", SyncCommand.HelpNotes)).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
