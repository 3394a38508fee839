using NeuralVision.Tools.Jump;

namespace NeuralVision.Tools.Tests.Jump;

/// <summary>WhyNotMatch (for `nvt explain`) must say "no" exactly when IsMatch does, and say why in words.</summary>
public class KeywordMatcherWhyNotTests
{
    private static readonly string[] Paths =
    [
        "/", "/foo", "/foo/bar", "/foo/bar/baz", "/Foo/Bar", "/src/foo-bar", "/a/b/nix", "/a/xb/nix", "/home/u/my dir",
        "/home/u/a|b", "/src/répertoire", "/src/Répertoire", "/foo/foo", "/barfoo/foo", "/x/.hidden/y",
    ];

    private static readonly string[] Vocabulary = ["", "foo", "bar", "Bar", "fo", "o", "/", "foo/", "b/nix", "nix", "my d", "a|b", "rép", "RÉP", "z", ".h"];

    [Fact]
    public void WhyNotMatch_AgreesWithIsMatch_OnEveryCombinationOfUpToThreeKeywords()
    {
        int checkedCount = 0;
        foreach (string[] keywords in KeywordLists())
        {
            var matcher = new KeywordMatcher(keywords);
            foreach (string path in Paths)
            {
                bool matches = matcher.IsMatch(path);
                string? reason = matcher.WhyNotMatch(path);
                Assert.True(matches == (reason is null), $"keywords [{string.Join(", ", keywords)}] on {path}: IsMatch {matches}, WhyNotMatch '{reason}'");
                checkedCount++;
            }
        }

        Assert.True(checkedCount > 50_000, $"only {checkedCount} combinations checked");
    }

    [Theory]
    [InlineData("/foo/bar", new[] { "zzz" }, "\"zzz\" is not in the path")]
    [InlineData("/foo/bar", new[] { "fo" }, "the last keyword \"fo\" must match in the last component \"bar\"")]
    [InlineData("/foo/bar", new[] { "bar", "foo" }, "the last keyword \"foo\" must match in the last component \"bar\"")]
    [InlineData("/foo/bar", new[] { "bar", "ba" }, "\"bar\" is not before \"ba\" (keywords match in order, without overlapping)")]
    [InlineData("/foo/bar", new[] { "qux", "bar" }, "\"qux\" is not in the path")]
    [InlineData("/foo/bar", new[] { "foo", "o", "bar" }, "\"foo\" is not before \"o\" (keywords match in order, without overlapping)")]
    [InlineData("/home/u/projects/nvt", new[] { "NVT" }, "\"NVT\" is not in the path (case-sensitive: a keyword has an upper-case letter)")]
    [InlineData("/home/u/nvt", new[] { "Home", "nvt" }, "\"Home\" is not in the path (case-sensitive: a keyword has an upper-case letter)")]
    [InlineData("/home/u/nvt", new[] { "NVT", "x" }, "\"x\" is not in the path")]
    public void WhyNotMatch_NamesTheRuleThatFails(string path, string[] keywords, string expected)
    {
        Assert.Equal(expected, new KeywordMatcher(keywords).WhyNotMatch(path));
    }

    [Fact]
    public void WhyNotMatch_MatchingPath_IsNull()
    {
        Assert.Null(new KeywordMatcher(["foo", "bar"]).WhyNotMatch("/foo/bar"));
        Assert.Null(new KeywordMatcher([]).WhyNotMatch("/anything"));
    }

    private static IEnumerable<string[]> KeywordLists()
    {
        yield return [];
        foreach (string a in Vocabulary)
        {
            yield return [a];
            foreach (string b in Vocabulary)
            {
                yield return [a, b];
                foreach (string c in Vocabulary)
                {
                    yield return [a, b, c];
                }
            }
        }
    }
}
