using Contracts.Generator.Tests.Infrastructure;
using Xunit;

namespace Contracts.Generator.Tests.Pipeline;

public sealed class SnapshotDiffTests
{
    [Fact]
    public void Diff_shows_removed_and_added_lines_with_context()
    {
        var diff = Snapshot.Diff("a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl", "a\nb\nc\nd\ne\nF\ng\nh\ni\nj\nk\nl\nm");

        Assert.Equal(
            "@@ expected line 3 @@\n  c\n  d\n  e\n- f\n+ F\n  g\n  h\n  i\n@@ expected line 10 @@\n  j\n  k\n  l\n+ m\n",
            diff);
    }

    [Fact]
    public void Diff_of_equal_texts_is_empty() => Assert.Equal(string.Empty, Snapshot.Diff("a\nb", "a\nb"));
}
