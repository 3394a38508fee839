using Renci.SshNet;

namespace NeuralVision.Tools.Keys.Copy;

/// <summary>keyboard-interactive: each echo-less server prompt (PAM's "Password: ") is answered with a password.</summary>
internal sealed class PromptedKeyboardInteractiveMethod(KeyCopyCredentials credentials) : AuthenticationMethod(credentials.User)
{
    public override string Name => "keyboard-interactive";

    public override AuthenticationResult Authenticate(Session session)
    {
        string? lastAnswer = null;
        bool gaveUp = false;
        using var inner = new KeyboardInteractiveAuthenticationMethod(Username);
        inner.AuthenticationPrompt += (_, e) =>
        {
            foreach (var prompt in e.Prompts)
            {
                string? answer = gaveUp ? null : credentials.NextPassword($"({credentials.User}@{credentials.Host}) {prompt.Request}", retryKnown: lastAnswer is null, passwordMethod: false);
                gaveUp |= answer is null;
                lastAnswer = answer;
                prompt.Response = answer ?? "";
            }
        };
        var result = inner.Authenticate(session);
        AllowedAuthentications = inner.AllowedAuthentications;
        if (result == AuthenticationResult.Success && lastAnswer is not null)
        {
            credentials.PasswordWorked(lastAnswer);
        }

        return result;
    }
}
