namespace NeuralVision.Tools.SshProfile;

/// <summary>The destination an ssh command line names, as ssh itself would find it.</summary>
/// <param name="Index">Position of the destination token in the argument list.</param>
/// <param name="Token">The destination token exactly as typed (<c>bob@puffin</c>, <c>ssh://puffin:2222</c>).</param>
/// <param name="Host">The host part the user typed (the alias looked up in ssh_config and in nvt's config).</param>
/// <param name="User">The user part, when the token has one.</param>
/// <param name="Port">The port of an <c>ssh://</c> URI, when it has one.</param>
public sealed record SshDestination(int Index, string Token, string Host, string? User, int? Port);
