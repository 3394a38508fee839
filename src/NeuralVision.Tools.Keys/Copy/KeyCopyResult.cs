namespace NeuralVision.Tools.Keys.Copy;

/// <param name="Transport">"sftp" or "exec": how the remote file was read (and written).</param>
/// <param name="Verified">True when a login with the new key alone succeeded afterwards.</param>
/// <param name="NotVerified">Why an added key was not tried (no passphrase, no private key, another target file).</param>
public sealed record KeyCopyResult(KeyCopyOutcome Outcome, string Transport, bool Verified, string? NotVerified = null);
