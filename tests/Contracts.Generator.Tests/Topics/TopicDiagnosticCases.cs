using System.Collections.Generic;

namespace Contracts.Generator.Tests.Topics;

/// <summary>Sources that trigger the <c>[Topic]</c> diagnostics (CTR0050–CTR0057); <see cref="Diagnostics.DiagnosticTests"/> asserts every diagnostic each produces.</summary>
internal static class TopicDiagnosticCases
{
    private const string People = """
        using Contracts;
        using Contracts.Messaging;
        [Message("person", 1)]
        public partial record PersonV1(string Name);

        """;

    public static readonly Dictionary<string, string> Sources = new()
    {
        ["CTR0050 topic not partial"] = People + """
            [Topic("people", typeof(PersonV1))]
            public class PeopleTopic { }
            public static class Outer
            {
                [Topic("people", typeof(PersonV1))]
                public partial class InnerTopic { }
            }
            public class Both
            {
                [Topic("people", typeof(PersonV1))]
                public class NeitherTopic { }
            }
            """,
        ["CTR0051 CTR0052 topic generic, static or abstract"] = People + """
            [Topic("people", typeof(PersonV1))]
            public partial class GenericTopic<T> { }
            [Topic("people", typeof(PersonV1))]
            public static partial class StaticTopic { }
            [Topic("people", typeof(PersonV1))]
            public abstract partial class AbstractTopic { }
            """,
        ["CTR0053 invalid topic names"] = People + """
            [Topic("", typeof(PersonV1))]
            public partial class EmptyTopic { }
            [Topic("people and more", typeof(PersonV1))]
            public partial class SpacedTopic { }
            [Topic("..", typeof(PersonV1))]
            public partial class DotsTopic { }
            [Topic(null!, typeof(PersonV1))]
            public partial class NullTopic { }
            """,
        ["CTR0054 CTR0055 CTR0056 topic contract lists"] = People + """
            public record NotAContract(string Name);
            [Message("person", 1)]
            public partial record SamePersonV1(string Name);
            [Topic("empty")]
            public partial class EmptyTopic { }
            [Topic("mixed", typeof(PersonV1), typeof(NotAContract), typeof(string), null!)]
            public partial class MixedTopic { }
            [Topic("twice", typeof(PersonV1), typeof(SamePersonV1))]
            public partial class TwiceTopic { }
            """,
        ["CTR0057 unknown wire format"] = People + """
            [Topic("people", typeof(PersonV1), WireFormat = (WireFormat)7)]
            public partial class PeopleTopic { }
            """,
    };

    public static readonly Dictionary<string, string[]> Expected = new()
    {
        ["CTR0050 topic not partial"] =
        [
            """
            CTR0050 Source0.cs(6,14)-(6,25): 'PeopleTopic' must be declared partial: the generator adds the topic's descriptor and produce methods to it
            """,
            """
            CTR0050 Source0.cs(7,21)-(7,26): 'Outer' must be declared partial: the generator adds the topic's descriptor and produce methods to it
            """,
            """
            CTR0050 Source0.cs(12,14)-(12,18): 'Both' must be declared partial: the generator adds the topic's descriptor and produce methods to it
            """,
            """
            CTR0050 Source0.cs(15,18)-(15,30): 'Both.NeitherTopic' must be declared partial: the generator adds the topic's descriptor and produce methods to it
            """,
        ],
        ["CTR0051 CTR0052 topic generic, static or abstract"] =
        [
            """
            CTR0051 Source0.cs(6,22)-(6,34): [Topic] class 'GenericTopic<T>' must not be generic or nested in a generic type: a topic has one fixed name and contract list
            """,
            """
            CTR0052 Source0.cs(8,29)-(8,40): [Topic] class 'StaticTopic' must not be static: the generated constructor creates instances that hold the producer
            """,
            """
            CTR0052 Source0.cs(10,31)-(10,44): [Topic] class 'AbstractTopic' must not be abstract: the generated constructor creates instances that hold the producer
            """,
        ],
        ["CTR0053 invalid topic names"] =
        [
            """
            CTR0053 Source0.cs(5,8)-(5,10): '' on 'EmptyTopic' is not a valid topic name: it is empty
            """,
            """
            CTR0053 Source0.cs(7,8)-(7,25): 'people and more' on 'SpacedTopic' is not a valid topic name: ' ' is not allowed; use ASCII letters, digits, '.', '_' and '-'
            """,
            """
            CTR0053 Source0.cs(9,8)-(9,12): '..' on 'DotsTopic' is not a valid topic name: '.' and '..' are reserved
            """,
            """
            CTR0053 Source0.cs(11,8)-(11,13): 'null' on 'NullTopic' is not a valid topic name: it is empty
            """,
        ],
        ["CTR0054 CTR0055 CTR0056 topic contract lists"] =
        [
            """
            CTR0054 Source0.cs(8,2)-(8,16): [Topic] on 'EmptyTopic' lists no contracts; name the [Message] types the topic carries, e.g. [Topic("people", typeof(PersonV1))]
            """,
            """
            CTR0055 Source0.cs(10,35)-(10,55): Topic 'MixedTopic' lists 'NotAContract', which is not a [Message] contract
            """,
            """
            CTR0055 Source0.cs(10,57)-(10,71): Topic 'MixedTopic' lists 'string', which is not a [Message] contract
            """,
            """
            CTR0055 Source0.cs(10,73)-(10,78): Topic 'MixedTopic' lists 'null', which is not a [Message] contract
            """,
            """
            CTR0056 Source0.cs(12,35)-(12,55): Topic 'TwiceTopic' lists message type 'person' version 1 twice ('PersonV1' and 'SamePersonV1'); each (type, version) identifies one contract on the wire
            """,
        ],
        ["CTR0057 unknown wire format"] =
        [
            """
            CTR0057 Source0.cs(5,36)-(5,62): [Topic] on 'PeopleTopic' has wire format 7, which is not a member of Contracts.Messaging.WireFormat
            """,
        ],
    };
}
