namespace NeuralVision.Tools.SshProfile;

/// <summary>What an ssh argument list asks for.</summary>
/// <param name="Destination">Null when there is no destination (<c>ssh -V</c>, <c>ssh</c> alone, a bad option).</param>
/// <param name="QueryOnly">
/// True for <c>-G</c>, <c>-V</c> and <c>-Q</c>: ssh prints something and exits without connecting, so there is no
/// session to give a profile to.
/// </param>
/// <param name="Interactive">
/// True for a login session (no remote command, or <c>-t</c>), without <c>-T</c>, <c>-N</c>, <c>-f</c> or <c>-W</c>:
/// the kind of session after which "Welcome back!" makes sense.
/// </param>
public sealed record SshCommandLine(SshDestination? Destination, bool QueryOnly, bool Interactive = true);
