using NeuralVision.Tools.SshProfile.Konsole;

namespace NeuralVision.Tools.Tests.Fakes;

/// <summary>
/// A Konsole tab for unit tests, with Konsole 22.12's rules: setProfile of a name it has not loaded is ignored, and a
/// profile file written after the start is loaded only by <see cref="LoadProfileAsync"/> (which reads its Name=).
/// Every setProfile and load is recorded.
/// </summary>
public sealed class FakeKonsoleTab : IKonsoleTab, IKonsoleConnector
{
    public KonsoleException? FailConnect { get; set; }

    public string Current { get; set; } = "Local";

    public string DefaultProfile { get; set; } = "Local";

    public List<string> Profiles { get; } = ["Local", "Puffin"];

    public List<string> SetCalls { get; } = [];

    /// <summary>The profile files Konsole was asked to load, in order.</summary>
    public List<string> LoadCalls { get; } = [];

    /// <summary>The empty layout files the loads named, with whether each existed at the time.</summary>
    public List<bool> LayoutExisted { get; } = [];

    /// <summary>setProfile does nothing (as for a name Konsole does not know).</summary>
    public bool IgnoreSet { get; set; }

    public KonsoleException? FailSet { get; set; }

    /// <summary>What CommandLine answers (e.g. UnknownMethod on a Konsole without KDBusService).</summary>
    public KonsoleException? FailLoad { get; set; }

    /// <summary>Konsole before 19.12: profile() is UnknownMethod.</summary>
    public bool NoProfileMethod { get; set; }

    /// <summary>The last target connected to.</summary>
    public KonsoleTarget? Target { get; private set; }

    public Task<IKonsoleTab> ConnectAsync(KonsoleTarget target, TimeSpan timeout)
    {
        Target = target;
        return FailConnect is null ? Task.FromResult<IKonsoleTab>(this) : throw FailConnect;
    }

    public Task<string> GetProfileAsync() => NoProfileMethod
        ? throw new KonsoleException("profile: UnknownMethod", DBusErrors.UnknownMethod)
        : Task.FromResult(Current);

    public Task SetProfileAsync(string name)
    {
        SetCalls.Add(name);
        if (FailSet is not null)
        {
            throw FailSet;
        }

        if (!IgnoreSet && Profiles.Contains(name))
        {
            Current = name;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> GetProfileListAsync() => Task.FromResult<IReadOnlyList<string>>([.. Profiles]);

    public Task<string> GetDefaultProfileAsync() => Task.FromResult(DefaultProfile);

    public Task LoadProfileAsync(string profileFile, string emptyLayout, string workingDirectory)
    {
        LoadCalls.Add(profileFile);
        LayoutExisted.Add(File.Exists(emptyLayout) && new FileInfo(emptyLayout).Length == 0);
        if (FailLoad is not null)
        {
            throw FailLoad;
        }

        string? name = File.ReadLines(profileFile).FirstOrDefault(line => line.StartsWith("Name=", StringComparison.Ordinal))?[5..];
        if (name is not null && !Profiles.Contains(name))
        {
            Profiles.Add(name);
        }

        return Task.CompletedTask;
    }

    public void Dispose()
    {
    }
}
