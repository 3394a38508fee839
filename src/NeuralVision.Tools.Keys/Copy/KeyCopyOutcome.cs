using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using NeuralVision.Tools.Keys;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace NeuralVision.Tools.Keys.Copy;

public enum KeyCopyOutcome
{
    Added,
    AlreadyInstalled,
    WouldAdd,
}
