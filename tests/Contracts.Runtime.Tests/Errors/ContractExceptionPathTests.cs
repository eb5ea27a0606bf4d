using Xunit;

namespace Contracts.Runtime.Tests.Errors;

public sealed class ContractExceptionPathTests
{
    [Fact]
    public void Path_is_built_innermost_first_while_unwinding()
    {
        var error = new ContractDecodeException(ContractFormat.Avro, "bad", 12);
        error.PrependField("street");
        error.PrependIndex(1);
        error.PrependField("addresses");
        Assert.Equal("addresses[1].street", error.FieldPath);
        Assert.Equal("Invalid Avro data at byte 12 in field 'addresses[1].street': bad", error.Message);
    }

    [Fact]
    public void Map_keys_are_quoted_and_escaped_so_the_path_stays_unambiguous()
    {
        var error = new ContractDecodeException(ContractFormat.Avro, "bad", 0);
        error.PrependField("street");
        error.PrependMapKey("a\"b\\c\nd");
        error.PrependField("places");
        Assert.Equal("places[\"a\\\"b\\\\c\\u000ad\"].street", error.FieldPath);
    }

    [Fact]
    public void Fault_at_the_root_says_so()
    {
        var error = new ContractEncodeException(ContractFormat.Avro, "bad");
        Assert.Equal(string.Empty, error.FieldPath);
        Assert.Equal("Cannot write Avro data at the message root: bad", error.Message);
    }
}
