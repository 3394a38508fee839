using System.Globalization;
using System.Text;

namespace NeuralVision.Tools.Keys.Setup;

/// <summary>
/// The `Host NAME` block `keys setup` writes to ssh_config: HostName, User, Port when not 22, IdentityFile and
/// IdentitiesOnly yes, indented by four spaces. Values are checked so the block says what it means to ssh: no blank,
/// quote, '#' or control character in names (ssh would split or cut them), and '%' doubled in the IdentityFile,
/// which ssh expands tokens in.
/// </summary>
public sealed record HostBlock(string Name, string HostName, string User, int Port, string IdentityFile)
{
    public const int DefaultPort = 22;

    /// <exception cref="SetupException">A value ssh_config cannot hold as given.</exception>
    public void Validate()
    {
        CheckWord(Name, "--alias NAME", allowWildcards: false);
        CheckWord(HostName, "the host name", allowWildcards: false);
        CheckWord(User, "the user name", allowWildcards: true);
        bool bad = false;
        foreach (char c in IdentityFile)
        {
            bad |= char.IsControl(c) || c == '"';
        }

        if (bad)
        {
            throw new SetupException($"the key's path {IdentityFile} holds a quote or a control character, which ssh_config cannot hold");
        }
    }

    /// <summary>The lines, each ending in a newline.</summary>
    public string Text()
    {
        var text = new StringBuilder();
        text.Append("Host ").Append(Name).Append('\n');
        text.Append("    HostName ").Append(HostName).Append('\n');
        text.Append("    User ").Append(User).Append('\n');
        if (Port != DefaultPort)
        {
            text.Append("    Port ").Append(Port.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        string path = IdentityFile.Replace("%", "%%", StringComparison.Ordinal);
        text.Append("    IdentityFile ").Append(path.Contains(' ', StringComparison.Ordinal) ? $"\"{path}\"" : path).Append('\n');
        text.Append("    IdentitiesOnly yes\n");
        return text.ToString();
    }

    private static void CheckWord(string value, string what, bool allowWildcards)
    {
        // A plain loop: a lambda's holder class, or a cached SearchValues, would be allocated at every start of the
        // AOT binary.
        bool bad = value.Length == 0 || value.StartsWith('-');
        foreach (char c in value)
        {
            bad |= char.IsControl(c) || c is ' ' or '\t' or '"' or '\'' or '#' or '=' or ',' or '%' || (!allowWildcards && c is '*' or '?' or '!');
        }

        if (bad)
        {
            throw new SetupException($"{what} '{value}' cannot be written to ssh_config as it is (no blanks, quotes, '#', '=', ',', '%', wildcards or control characters)");
        }
    }
}
