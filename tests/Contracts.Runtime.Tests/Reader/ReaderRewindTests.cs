using System;
using Contracts.Avro;
using Xunit;

namespace Contracts.Runtime.Tests.Reader;

/// <summary><c>AvroReader.Depth</c> and <c>Rewind</c>, which generated entries use to read a message again after a fault.</summary>
public sealed class ReaderRewindTests
{
    [Fact]
    public void Rewind_goes_back_to_the_position_and_depth_taken()
    {
        var reader = new AvroReader([0x02, 0x04, 0x06]);
        Assert.Equal(0, reader.Depth);
        reader.ReadInt();
        var position = reader.Position;
        var depth = reader.Depth;
        reader.Enter();
        reader.Enter();
        Assert.Equal(2, reader.ReadInt());
        Assert.Equal(2, reader.Depth);

        reader.Rewind(position, depth);
        Assert.Equal(1, reader.Position);
        Assert.Equal(0, reader.Depth);
        Assert.Equal(2, reader.ReadInt());
        Assert.Equal(3, reader.ReadInt());
        reader.EnsureEnd();
    }

    [Fact]
    public void Rewound_depth_counts_against_the_limit_again()
    {
        var reader = new AvroReader([0x00], new AvroReaderOptions { MaxDepth = 2 });
        reader.Enter();
        reader.Enter();
        reader.Rewind(0, 0);
        reader.Enter();
        reader.Enter();
        Assert.Throws<ContractDecodeException>(() =>
        {
            var again = new AvroReader([0x00], new AvroReaderOptions { MaxDepth = 2 });
            again.Enter();
            again.Enter();
            again.Rewind(0, 2);
            again.Enter();
        });
    }

    [Fact]
    public void Rewind_rejects_a_position_outside_the_input_or_a_negative_depth()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AvroReader([0x00]).Rewind(2, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AvroReader([0x00]).Rewind(-1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AvroReader([0x00]).Rewind(0, -1));
        var reader = new AvroReader([0x00]);
        reader.Rewind(1, 0);
        Assert.Equal(0, reader.Remaining);
    }
}
