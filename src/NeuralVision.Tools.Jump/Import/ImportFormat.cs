namespace NeuralVision.Tools.Jump.Import;

/// <summary>The jumpers whose databases `nvt import --from` reads.</summary>
public enum ImportFormat
{
    Fasd,
    Z,
    ZLua,
    Autojump,
    Zoxide,
}
