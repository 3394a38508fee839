using System.Text;
using Renci.SshNet;

namespace NeuralVision.Tools.Keys.Copy;

internal sealed class PromptedPasswordMethod(KeyCopyCredentials credentials) : AuthenticationMethod(credentials.User)
{
    public override string Name => "password";

    public override AuthenticationResult Authenticate(Session session)
    {
        string? password = credentials.NextPassword($"{credentials.User}@{credentials.Host}'s password: ", retryKnown: true, passwordMethod: true);
        if (password is null)
        {
            AllowedAuthentications ??= ["password"];
            return AuthenticationResult.Failure;
        }

        using var inner = new PasswordAuthenticationMethod(Username, Encoding.UTF8.GetBytes(password));
        var result = inner.Authenticate(session);
        AllowedAuthentications = inner.AllowedAuthentications;
        if (result == AuthenticationResult.Success)
        {
            credentials.PasswordWorked(password);
        }
        else if (result == AuthenticationResult.Failure)
        {
            credentials.PasswordFailed();
        }

        return result;
    }
}
