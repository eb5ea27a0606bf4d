using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Avro;
using Contracts.Runtime.Tests.Support;

namespace Contracts.Runtime.Tests.Reader;

/// <summary>
/// A message touching every reader method, written value by value so tests know where each value's bytes start.
/// </summary>
internal static class SampleMessage
{
    public static readonly string Expected = "True|-300|9000000000|1.5|-2.25|AQID|héllo 𝄞|BQYHCAk=|2|1|x|0f8fad5b-d9cb-469f-a165-70867728950e|2024-02-29|13:45:10.1234560|2024-02-29T13:45:10.1230000+00:00|2024-02-29T13:45:10.1234560Z|2024-02-29T13:45:10.1230000|-1234.5600|987.65|a,bc|k=7";

    private static readonly Guid Id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static readonly DateTime Instant = new(2024, 2, 29, 13, 45, 10, 123, DateTimeKind.Utc);

    public static IReadOnlyList<(string Name, byte[] Bytes)> Create() =>
    [
        ("boolean", W((ref AvroWriter w) => w.WriteBoolean(true))),
        ("int", W((ref AvroWriter w) => w.WriteInt(-300))),
        ("long", W((ref AvroWriter w) => w.WriteLong(9_000_000_000))),
        ("float", W((ref AvroWriter w) => w.WriteFloat(1.5f))),
        ("double", W((ref AvroWriter w) => w.WriteDouble(-2.25))),
        ("bytes", W((ref AvroWriter w) => w.WriteBytes([1, 2, 3]))),
        ("string", W((ref AvroWriter w) => w.WriteString("héllo 𝄞"))),
        ("fixed", W((ref AvroWriter w) => w.WriteFixed([5, 6, 7, 8, 9], 5))),
        ("enum", W((ref AvroWriter w) => w.WriteEnum(2))),
        ("union", W((ref AvroWriter w) => { w.WriteUnionIndex(1); w.WriteString("x"); })),
        ("uuid", W((ref AvroWriter w) => w.WriteUuid(Id))),
        ("date", W((ref AvroWriter w) => w.WriteDate(new DateOnly(2024, 2, 29)))),
        ("time-micros", W((ref AvroWriter w) => w.WriteTimeMicros(new TimeOnly(13, 45, 10).Add(TimeSpan.FromTicks(1_234_560))))),
        ("timestamp-millis", W((ref AvroWriter w) => w.WriteTimestampMillis(new DateTimeOffset(Instant)))),
        ("timestamp-micros", W((ref AvroWriter w) => w.WriteTimestampMicros(Instant.AddTicks(4_560)))),
        ("local-timestamp-millis", W((ref AvroWriter w) => w.WriteLocalTimestampMillis(DateTime.SpecifyKind(Instant, DateTimeKind.Unspecified)))),
        ("decimal", W((ref AvroWriter w) => w.WriteDecimal(-1234.56m, 10, 4))),
        ("decimal fixed", W((ref AvroWriter w) => w.WriteDecimalFixed(987.65m, 9, 2, 6))),
        ("array", W((ref AvroWriter w) => { w.WriteBlockCount(1); w.WriteString("a"); w.WriteBlockCount(1); w.WriteString("bc"); w.WriteBlockCount(0); })),
        ("map", W((ref AvroWriter w) => { w.WriteBlockCount(1); w.WriteString("k"); w.WriteInt(7); w.WriteBlockCount(0); })),
    ];

    public static string Read(ref AvroReader r)
    {
        var parts = new List<string>
        {
            r.ReadBoolean().ToString(),
            Invariant(r.ReadInt()),
            Invariant(r.ReadLong()),
            Invariant(r.ReadFloat()),
            Invariant(r.ReadDouble()),
            Convert.ToBase64String(r.ReadBytes()),
            r.ReadString(),
            Convert.ToBase64String(r.ReadFixed(5)),
            Invariant(r.ReadEnum(3)),
            Invariant(r.ReadUnionIndex(2)),
            r.ReadString(),
            r.ReadUuid().ToString(),
            r.ReadDate().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            r.ReadTimeMicros().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            r.ReadTimestampMillisOffset().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            r.ReadTimestampMicros().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            r.ReadLocalTimestampMillis().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            Invariant(r.ReadDecimal(4)),
            Invariant(r.ReadDecimalFixed(2, 6)),
        };

        var items = new List<string>();
        for (var n = r.ReadBlockCount(0, 1); n != 0; n = r.ReadBlockCount(items.Count, 1))
        {
            for (var i = 0; i < n; i++)
            {
                items.Add(r.ReadString());
            }
        }

        parts.Add(string.Join(",", items));
        var entries = new List<string>();
        for (var n = r.ReadBlockCount(0, 2); n != 0; n = r.ReadBlockCount(entries.Count, 2))
        {
            for (var i = 0; i < n; i++)
            {
                entries.Add(r.ReadString() + "=" + Invariant(r.ReadInt()));
            }
        }

        parts.Add(string.Join(",", entries));
        return string.Join("|", parts);
    }

    private delegate void Write(ref AvroWriter writer);

    private static byte[] W(Write write) => AvroCodec.Write(write, (ref AvroWriter w, Write action) => action(ref w));

    private static string Invariant<T>(T value)
        where T : IFormattable => value.ToString(null, System.Globalization.CultureInfo.InvariantCulture);
}
