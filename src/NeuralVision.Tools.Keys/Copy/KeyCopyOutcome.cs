

namespace NeuralVision.Tools.Keys.Copy;

public enum KeyCopyOutcome
{
    Added,
    AlreadyInstalled,
    WouldAdd,
}
