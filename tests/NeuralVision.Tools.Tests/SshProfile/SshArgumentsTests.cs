using NeuralVision.Tools.SshProfile;

namespace NeuralVision.Tools.Tests.SshProfile;

public class SshArgumentsTests
{
    [Theory]
    [InlineData("puffin", 0, "puffin", null)]
    [InlineData("bob@puffin", 0, "puffin", "bob")]
    [InlineData("bob@corp@puffin", 0, "puffin", "bob@corp")] // the last '@' separates, as in ssh
    [InlineData("-p 2222 puffin ls -la", 2, "puffin", null)]
    [InlineData("-p2222 puffin", 1, "puffin", null)]
    [InlineData("-4Ct puffin", 1, "puffin", null)]
    [InlineData("-tp 2222 puffin", 2, "puffin", null)] // bundled flags, then an option taking the next token
    [InlineData("-tp2222 puffin", 1, "puffin", null)]
    [InlineData("-J jump -L 8080:localhost:80 -i key -o User=x puffin", 8, "puffin", null)]
    [InlineData("-l bob -F cfg -E log -c aes -m hmac -b 1.2.3.4 -e none -D 1080 -R 1:h:2 -W h:1 -w 0 -S sock -O check -B eth0 -I pkcs -P tag -Q cipher -e x puffin", 36, "puffin", null)]
    [InlineData("-v -v -A -a -f -g -K -k -M -N -n -q -s -T -V -X -x -Y -y -6 puffin", 20, "puffin", null)]
    [InlineData("-- -h", 1, "-h", null)]
    [InlineData("-v -- puffin ls", 2, "puffin", null)]
    [InlineData("puffin -p 2222", 0, "puffin", null)] // options after the host do not change it
    [InlineData("@file puffin", 0, "file", "")] // ssh itself rejects the empty user; nvt only reads it
    public void Parse_FindsTheDestination(string commandLine, int index, string host, string? user)
    {
        var destination = SshArguments.Parse(commandLine.Split(' ')).Destination;

        Assert.NotNull(destination);
        Assert.Equal(index, destination.Index);
        Assert.Equal(host, destination.Host);
        Assert.Equal(user, destination.User);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-v")]
    [InlineData("-p")] // the option eats the missing argument
    [InlineData("-p 2222")]
    [InlineData("--")]
    public void Parse_NoDestination(string commandLine)
    {
        var args = commandLine.Length == 0 ? [] : commandLine.Split(' ');

        Assert.Null(SshArguments.Parse(args).Destination);
    }

    [Theory]
    [InlineData("-G puffin", true)]
    [InlineData("-V", true)]
    [InlineData("-Q cipher", true)]
    [InlineData("-vG puffin", true)]
    [InlineData("-v puffin", false)]
    [InlineData("-p 2222 puffin -G", true)] // ssh reads options after the host too (it prints the configuration)
    [InlineData("puffin ls -G", false)] // ... but not after the remote command starts
    public void Parse_QueryOnly(string commandLine, bool expected)
    {
        Assert.Equal(expected, SshArguments.Parse(commandLine.Split(' ')).QueryOnly);
    }

    [Theory]
    [InlineData("puffin", true)]
    [InlineData("-p 2222 bob@puffin", true)]
    [InlineData("puffin -v", true)]
    [InlineData("puffin uptime", false)]
    [InlineData("puffin -- ls -l", false)]
    [InlineData("-- puffin", true)]
    [InlineData("-- puffin ls", false)]
    [InlineData("-T puffin", false)]
    [InlineData("puffin -N", false)]
    [InlineData("-fN -L 8080:localhost:80 puffin", false)]
    [InlineData("-W localhost:22 jump", false)]
    [InlineData("-t puffin htop", true)] // a forced terminal: an interactive program
    public void Parse_Interactive_IsALoginSessionOnly(string commandLine, bool expected)
    {
        Assert.Equal(expected, SshArguments.Parse(commandLine.Split(' ')).Interactive);
    }

    [Theory]
    [InlineData("ssh://puffin", "puffin", null, null)]
    [InlineData("ssh://bob@puffin:2222", "puffin", "bob", 2222)]
    [InlineData("ssh://[::1]:2200", "::1", null, 2200)]
    [InlineData("ssh://bob%40corp@puffin/", "puffin", "bob@corp", null)]
    public void ParseDestination_SshUri(string token, string host, string? user, int? port)
    {
        var destination = SshArguments.ParseDestination(0, token);

        Assert.Equal((host, user, port), (destination.Host, destination.User, destination.Port));
        Assert.Equal(token, destination.Token);
    }

    [Fact]
    public void OptionTables_CoverEveryLetterOnce()
    {
        string all = SshArguments.OptionsWithArgument + SshArguments.Flags;

        Assert.Equal(all.Length, all.Distinct().Count());
    }
}
