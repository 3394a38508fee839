namespace NeuralVision.Tools.Keys;

/// <summary>Blowfish's subkeys (P) and S-boxes (S) in one fixed block, so <see cref="BcryptPbkdf"/> can work through pointers.</summary>
internal unsafe struct BlowfishState
{
    public fixed uint P[18];
    public fixed uint S[1024];
}
