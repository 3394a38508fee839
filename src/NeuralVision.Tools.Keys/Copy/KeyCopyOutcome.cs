using System.Net.Sockets;

namespace NeuralVision.Tools.Keys.Copy;

public enum KeyCopyOutcome
{
    Added,
    AlreadyInstalled,
    WouldAdd,
}
