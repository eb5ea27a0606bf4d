using System;
using System.Buffers;
using System.Linq;
using Contracts.Avro;
using CsCheck;

namespace Contracts.Runtime.Tests.Reader;

/// <summary>
/// A random Avro schema in miniature, enough to drive every reader method: primitives, logical types, fixed, enum,
/// union, array, map and record, nested. It writes random valid data and reads data back the way a generated codec would.
/// </summary>
internal abstract record Shape
{
    private static readonly Gen<Shape> Leaf = Gen.OneOf(
        Gen.OneOfConst(Enum.GetValues<PrimitiveKind>()).Select(kind => (Shape)new Primitive(kind)),
        Gen.Int[0, 20].Select(size => (Shape)new Fixed(size)),
        Gen.Int[1, 6].Select(count => (Shape)new Symbols(count)),
        Gen.Int[0, 38].Select(scale => (Shape)new Decimal(scale)),
        Gen.Int[1, 16].SelectMany(size => Gen.Int[0, 9].Select(scale => (Shape)new DecimalFixed(scale, size))));

    // Declared after Leaf: static fields initialize in textual order.
    public static readonly Gen<Shape> Any = Of(depth: 3);

    /// <summary>The fewest bytes a value of this shape takes, as generated codecs tell <c>ReadBlockCount</c>.</summary>
    public abstract int MinSize { get; }

    public abstract void WriteRandom(ref AvroWriter writer, Random random);

    public abstract void Read(ref AvroReader reader);

    private static Gen<Shape> Of(int depth)
    {
        if (depth == 0)
        {
            return Leaf;
        }

        var inner = Of(depth - 1);
        return Gen.Frequency(
            (6, Leaf),
            (1, inner.Select(item => (Shape)new Array(item))),
            (1, inner.Select(value => (Shape)new Map(value))),
            (1, inner.Array[1, 3].Select(branches => (Shape)new Union(branches))),
            (2, inner.Array[0, 5].Select(fields => (Shape)new Record(fields))));
    }

    public enum PrimitiveKind
    {
        Boolean, Int, Long, Float, Double, Bytes, String, Uuid, Date, TimeMicros, TimeMillis,
        TimestampMillis, TimestampMicros, TimestampMillisOffset, TimestampMicrosOffset,
        LocalTimestampMillis, LocalTimestampMicros, LocalTimestampMillisOffset, LocalTimestampMicrosOffset,
    }

    public sealed record Primitive(PrimitiveKind Kind) : Shape
    {
        private static readonly string[] Texts = ["", "x", "x𝄞", "日本語"];

        public override int MinSize => Kind switch
        {
            PrimitiveKind.Float => 4,
            PrimitiveKind.Double => 8,
            _ => 1,
        };

        public override void WriteRandom(ref AvroWriter writer, Random random)
        {
            var instant = new DateTime(random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), DateTimeKind.Utc);
            switch (Kind)
            {
                case PrimitiveKind.Boolean: writer.WriteBoolean(random.Next(2) == 1); break;
                case PrimitiveKind.Int: writer.WriteInt(random.Next(int.MinValue, int.MaxValue) >> random.Next(32)); break;
                case PrimitiveKind.Long: writer.WriteLong(random.NextInt64(long.MinValue, long.MaxValue) >> random.Next(64)); break;
                case PrimitiveKind.Float: writer.WriteFloat((float)random.NextDouble()); break;
                case PrimitiveKind.Double: writer.WriteDouble(random.NextDouble()); break;
                case PrimitiveKind.Bytes: writer.WriteBytes(RandomBytes(random, random.Next(8))); break;
                case PrimitiveKind.String: writer.WriteString(new string('é', random.Next(4)) + Texts[random.Next(Texts.Length)]); break;
                case PrimitiveKind.Uuid: writer.WriteUuid(new Guid(RandomBytes(random, 16))); break;
                case PrimitiveKind.Date: writer.WriteDate(DateOnly.FromDateTime(instant)); break;
                case PrimitiveKind.TimeMicros: writer.WriteTimeMicros(TimeOnly.FromDateTime(instant)); break;
                case PrimitiveKind.TimeMillis: writer.WriteTimeMillis(TimeOnly.FromDateTime(instant)); break;
                case PrimitiveKind.TimestampMillis or PrimitiveKind.TimestampMillisOffset: writer.WriteTimestampMillis(instant); break;
                case PrimitiveKind.TimestampMicros or PrimitiveKind.TimestampMicrosOffset: writer.WriteTimestampMicros(instant); break;
                case PrimitiveKind.LocalTimestampMillis or PrimitiveKind.LocalTimestampMillisOffset: writer.WriteLocalTimestampMillis(instant); break;
                case PrimitiveKind.LocalTimestampMicros or PrimitiveKind.LocalTimestampMicrosOffset: writer.WriteLocalTimestampMicros(instant); break;
                default: throw new InvalidOperationException(Kind.ToString());
            }
        }

        public override void Read(ref AvroReader reader)
        {
            _ = Kind switch
            {
                PrimitiveKind.Boolean => reader.ReadBoolean(),
                PrimitiveKind.Int => reader.ReadInt(),
                PrimitiveKind.Long => reader.ReadLong(),
                PrimitiveKind.Float => reader.ReadFloat(),
                PrimitiveKind.Double => reader.ReadDouble(),
                PrimitiveKind.Bytes => reader.ReadBytes(),
                PrimitiveKind.String => reader.ReadString(),
                PrimitiveKind.Uuid => reader.ReadUuid(),
                PrimitiveKind.Date => reader.ReadDate(),
                PrimitiveKind.TimeMicros => reader.ReadTimeMicros(),
                PrimitiveKind.TimeMillis => reader.ReadTimeMillis(),
                PrimitiveKind.TimestampMillis => reader.ReadTimestampMillis(),
                PrimitiveKind.TimestampMicros => reader.ReadTimestampMicros(),
                PrimitiveKind.TimestampMillisOffset => reader.ReadTimestampMillisOffset(),
                PrimitiveKind.TimestampMicrosOffset => reader.ReadTimestampMicrosOffset(),
                PrimitiveKind.LocalTimestampMillis => reader.ReadLocalTimestampMillis(),
                PrimitiveKind.LocalTimestampMicros => reader.ReadLocalTimestampMicros(),
                PrimitiveKind.LocalTimestampMillisOffset => reader.ReadLocalTimestampMillisOffset(),
                PrimitiveKind.LocalTimestampMicrosOffset => reader.ReadLocalTimestampMicrosOffset(),
                _ => (object)0,
            };
        }
    }

    public sealed record Fixed(int Size) : Shape
    {
        public override int MinSize => Size;

        public override void WriteRandom(ref AvroWriter writer, Random random) => writer.WriteFixed(RandomBytes(random, Size), Size);

        public override void Read(ref AvroReader reader) => reader.ReadFixedSpan(Size);
    }

    public sealed record Symbols(int Count) : Shape
    {
        public override int MinSize => 1;

        public override void WriteRandom(ref AvroWriter writer, Random random) => writer.WriteEnum(random.Next(Count));

        public override void Read(ref AvroReader reader) => reader.ReadEnum(Count);
    }

    public sealed record Decimal(int Scale) : Shape
    {
        public override int MinSize => 1;

        public override void WriteRandom(ref AvroWriter writer, Random random) =>
            writer.WriteDecimal(RandomDecimal(random, Math.Min(Scale, 28)), 38, Scale);

        public override void Read(ref AvroReader reader) => reader.ReadDecimal(Scale);
    }

    public sealed record DecimalFixed(int Scale, int Size) : Shape
    {
        public override int MinSize => Size;

        public override void WriteRandom(ref AvroWriter writer, Random random)
        {
            // At most Size * 2 digits always fit Size bytes (100^n < 2^(8n-1) for n >= 1).
            var digits = Math.Min(Size * 2, 28);
            var value = random.NextInt64(0, (long)Math.Pow(10, Math.Min(digits, 18)));
            writer.WriteDecimalFixed(new decimal((int)value, (int)(value >> 32), 0, random.Next(2) == 1, (byte)Math.Min(Scale, 9)), 38, Scale, Size);
        }

        public override void Read(ref AvroReader reader) => reader.ReadDecimalFixed(Scale, Size);
    }

    public sealed record Union(Shape[] Branches) : Shape
    {
        public override int MinSize => 1;

        public override void WriteRandom(ref AvroWriter writer, Random random)
        {
            var branch = random.Next(Branches.Length);
            writer.WriteUnionIndex(branch);
            Branches[branch].WriteRandom(ref writer, random);
        }

        public override void Read(ref AvroReader reader) => Branches[reader.ReadUnionIndex(Branches.Length)].Read(ref reader);

        public override string ToString() => $"union[{string.Join(", ", Branches.Select(b => b.ToString()))}]";
    }

    public sealed record Array(Shape Item) : Shape
    {
        public override int MinSize => 1;

        public override void WriteRandom(ref AvroWriter writer, Random random) =>
            WriteBlocks(ref writer, random, Item, key: false);

        public override void Read(ref AvroReader reader)
        {
            reader.Enter();
            long total = 0;
            for (var n = reader.ReadBlockCount(0, Item.MinSize); n != 0; n = reader.ReadBlockCount(total, Item.MinSize))
            {
                for (var i = 0; i < n; i++)
                {
                    Item.Read(ref reader);
                }

                total += n;
            }

            reader.Exit();
        }
    }

    public sealed record Map(Shape Value) : Shape
    {
        public override int MinSize => 1;

        public override void WriteRandom(ref AvroWriter writer, Random random) =>
            WriteBlocks(ref writer, random, Value, key: true);

        public override void Read(ref AvroReader reader)
        {
            reader.Enter();
            long total = 0;
            for (var n = reader.ReadBlockCount(0, 1 + Value.MinSize); n != 0; n = reader.ReadBlockCount(total, 1 + Value.MinSize))
            {
                for (var i = 0; i < n; i++)
                {
                    reader.ReadString();
                    Value.Read(ref reader);
                }

                total += n;
            }

            reader.Exit();
        }
    }

    public sealed record Record(Shape[] Fields) : Shape
    {
        public override int MinSize => Fields.Sum(f => f.MinSize);

        public override void WriteRandom(ref AvroWriter writer, Random random)
        {
            foreach (var field in Fields)
            {
                field.WriteRandom(ref writer, random);
            }
        }

        public override void Read(ref AvroReader reader)
        {
            reader.Enter();
            foreach (var field in Fields)
            {
                field.Read(ref reader);
            }

            reader.Exit();
        }

        public override string ToString() => $"record{{{string.Join(", ", Fields.Select(f => f.ToString()))}}}";
    }

    private static void WriteBlocks(ref AvroWriter writer, Random random, Shape item, bool key)
    {
        var blocks = random.Next(3);
        for (var b = 0; b < blocks; b++)
        {
            var count = random.Next(1, 4);
            if (random.Next(2) == 0)
            {
                writer.WriteBlockCount(count);
                WriteItems(ref writer, random, item, key, count);
            }
            else
            {
                // The "negative count, then byte size" form lets readers skip a block; write the block aside to size it.
                var body = new ArrayBufferWriter<byte>();
                var bodyWriter = new AvroWriter(body);
                WriteItems(ref bodyWriter, random, item, key, count);
                bodyWriter.Flush();
                writer.WriteBlockCount(-count);
                writer.WriteLong(body.WrittenCount);
                writer.WriteRaw(body.WrittenSpan);
            }
        }

        writer.WriteBlockCount(0);
    }

    private static void WriteItems(ref AvroWriter writer, Random random, Shape item, bool key, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (key)
            {
                writer.WriteString("k" + i);
            }

            item.WriteRandom(ref writer, random);
        }
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static decimal RandomDecimal(Random random, int scale) =>
        new(random.Next(), random.Next(), random.Next(0x1000), random.Next(2) == 1, (byte)scale);
}
