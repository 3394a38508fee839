namespace NeuralVision.Tools.SshProfile;

/// <summary>What `nvt ssh` was asked for.</summary>
/// <param name="SshArgs">Everything for ssh, passed through unchanged.</param>
/// <param name="Profile">--profile: this Konsole profile, whatever the configuration says.</param>
/// <param name="NoSwitch">--no-switch: run ssh and touch neither the profile nor the background.</param>
/// <param name="Quiet">--quiet: no "Welcome back!".</param>
/// <param name="DryRun">--dry-run: print the plan and exit without running ssh or switching.</param>
/// <param name="Verbose">--verbose: say why no switch happens, and every D-Bus problem.</param>
public sealed record SshRequest(IReadOnlyList<string> SshArgs, string? Profile = null, bool NoSwitch = false, bool Quiet = false, bool DryRun = false, bool Verbose = false);
