using System.Text.Json.Serialization;
using Tomlyn.Serialization;

namespace NeuralVision.Tools.SshProfile.Config;

/// <summary>Source-generated TOML metadata: no reflection, so the file reads under native AOT.</summary>
[TomlSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[TomlSerializable(typeof(NvtConfig))]
internal sealed partial class NvtConfigContext : TomlSerializerContext
{
}
