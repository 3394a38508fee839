namespace NeuralVision.Tools.SshProfile.Config;

/// <summary>The <c>[ssh]</c> table and its sub-tables.</summary>
public sealed class SshConfig
{
    /// <summary><c>default_profile</c>: the Konsole profile for hosts nothing else names.</summary>
    public string? DefaultProfile { get; set; }

    /// <summary>
    /// <c>[ssh.profiles]</c>: host pattern to Konsole profile name. Read in file order (the deserializer adds the keys
    /// in order and nothing is ever removed, so the dictionary enumerates them in that order), first match wins.
    /// </summary>
    public Dictionary<string, string>? Profiles { get; set; }

    /// <summary>
    /// <c>auto_background</c>: a background colour derived from the host's name for every host nothing else maps (no
    /// --profile, pattern, profile named like the host, background or default_profile).
    /// </summary>
    public bool AutoBackground { get; set; }

    /// <summary><c>[ssh.backgrounds]</c>: host pattern to a <c>#rrggbb</c> background for terminals other than Konsole.</summary>
    public Dictionary<string, string>? Backgrounds { get; set; }
}
