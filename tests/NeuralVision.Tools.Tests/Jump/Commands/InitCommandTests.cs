using NeuralVision.Tools.Platform;

namespace NeuralVision.Tools.Tests.Jump.Commands;

public sealed class InitCommandTests : IDisposable
{
    private readonly TestContext nvt = new();

    public void Dispose() => nvt.Dispose();

    [Theory]
    [InlineData("bash", "__nvt_cmd='z'\n__nvt_hook_mode='pwd'\n")]
    [InlineData("zsh", "__nvt_cmd='z'\n__nvt_hook_mode='pwd'\n")]
    [InlineData("posix", "__nvt_cmd='z'\n__nvt_hook_mode='pwd'\n")]
    [InlineData("fish", "set -g __nvt_cmd 'z'\nset -g __nvt_hook_mode 'pwd'\n")]
    public void Init_Defaults_AreZAndPwd(string shell, string preamble)
    {
        Assert.Equal(ExitCodes.Ok, nvt.Run("init", shell));
        Assert.Contains(preamble, nvt.Output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Init_Options_GoIntoThePreamble()
    {
        Assert.Equal(ExitCodes.Ok, nvt.Run("init", "bash", "--cmd", "j", "--hook", "prompt"));
        Assert.Contains("__nvt_cmd='j'\n__nvt_hook_mode='prompt'\n", nvt.Output.ToString(), StringComparison.Ordinal);

        Assert.Equal(ExitCodes.Ok, nvt.Run("init", "zsh", "--no-cmd", "--hook", "none"));
        Assert.Contains("__nvt_cmd=''\n__nvt_hook_mode='none'\n", nvt.Output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Init_UnknownShell_ListsTheSupportedOnes()
    {
        var error = Assert.Throws<NvtException>(() => nvt.Run("init", "tcsh"));
        Assert.Equal("unsupported shell 'tcsh'; supported: bash, zsh, fish, posix", error.Message);
        Assert.Equal(ExitCodes.Error, error.ExitCode);
    }

    [Fact]
    public void Init_BadCommandName_IsRefused()
    {
        var error = Assert.Throws<NvtException>(() => nvt.Run("init", "bash", "--cmd", "a;b"));
        Assert.Contains("--cmd", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_BadHook_IsAUsageError()
    {
        Assert.Equal(ExitCodes.Error, nvt.Run("init", "bash", "--hook", "sometimes"));
        Assert.Contains("sometimes", nvt.Error.ToString(), StringComparison.Ordinal);
    }
}
