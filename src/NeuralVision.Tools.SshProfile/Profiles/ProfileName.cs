using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools.SshProfile.Profiles;

/// <summary>
/// The name of a profile nvt writes. It becomes a file name (NAME.profile, NAME.colorscheme in Konsole's directory)
/// and a value in KConfig files and D-Bus calls, so anything that could leave the directory or break a line is refused.
/// </summary>
public static class ProfileName
{
    /// <summary>Throws a usage error (exit 2) saying what is wrong with <paramref name="name"/>; returns it otherwise.</summary>
    public static string Check(string? name)
    {
        string? problem = Problem(name);
        return problem is null ? name! : throw new NvtException($"profile name {Show(name)} {problem}");
    }

    /// <summary>What is wrong with the name, or null when it can be used.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "is empty";
        }

        if (name.Contains('/', StringComparison.Ordinal))
        {
            return "contains '/' (it becomes a file name in Konsole's directory)";
        }

        if (name.Contains("..", StringComparison.Ordinal))
        {
            return "contains '..' (it becomes a file name in Konsole's directory)";
        }

        foreach (char c in name)
        {
            if (char.IsControl(c))
            {
                return "contains a control character";
            }
        }

        if (name[0] == '.' || name[0] == ' ' || name[^1] == ' ')
        {
            return "starts with '.' or starts or ends with a space";
        }

        return null;
    }

    /// <summary>The name quoted for a message, with control characters made visible.</summary>
    private static string Show(string? name)
    {
        var text = new System.Text.StringBuilder("'");
        foreach (char c in name ?? "")
        {
            text.Append(char.IsControl(c) ? $"\\x{(int)c:x2}" : c.ToString());
        }

        return text.Append('\'').ToString();
    }
}
