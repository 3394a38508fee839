namespace NeuralVision.Tools.SshProfile.Config;

/// <summary>
/// nvt's one configuration file, <c>$XDG_CONFIG_HOME/nvt/config.toml</c>. Only the tables nvt reads are mapped;
/// other tables are left for later settings.
/// </summary>
public sealed class NvtConfig
{
    public SshConfig? Ssh { get; set; }
}
