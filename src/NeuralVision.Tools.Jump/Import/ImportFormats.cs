namespace NeuralVision.Tools.Jump.Import;

public static class ImportFormats
{
    /// <summary>The names `--from` accepts, in the order the help lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["fasd", "z", "zoxide", "autojump", "zlua"];

    public static ImportFormat Parse(string name) => name switch
    {
        "fasd" => ImportFormat.Fasd,
        "z" => ImportFormat.Z,
        "zlua" => ImportFormat.ZLua,
        "autojump" => ImportFormat.Autojump,
        "zoxide" => ImportFormat.Zoxide,
        _ => throw new ArgumentException($"unknown import format '{name}' (expected one of {string.Join(", ", Names)})", nameof(name)),
    };

    public static string Name(ImportFormat format) => format switch
    {
        ImportFormat.Fasd => "fasd",
        ImportFormat.Z => "z",
        ImportFormat.ZLua => "zlua",
        ImportFormat.Autojump => "autojump",
        _ => "zoxide",
    };
}
