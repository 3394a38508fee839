using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using NeuralVision.Tools.Keys;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace NeuralVision.Tools.Keys.Copy;

/// <param name="Transport">"sftp" or "exec": how the remote file was read (and written).</param>
/// <param name="Verified">True when a login with the new key alone succeeded afterwards.</param>
public sealed record KeyCopyResult(KeyCopyOutcome Outcome, string Transport, bool Verified);
