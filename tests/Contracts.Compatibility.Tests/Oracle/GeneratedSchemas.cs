using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Contracts.Compatibility.Tests.Oracle;

/// <summary>
/// A deterministic generator of random valid record schemas and of mutations of them (one per schema-evolution
/// move a team makes: add/remove/rename fields with or without defaults and aliases, promote or change types, make a
/// field nullable, grow or shrink unions and enums, resize fixed, rename named types). Each mutated schema is paired
/// with its original in both directions. Names are unique per schema and aliases are written as full names, so the
/// Python checker's use of names as written does not differ from the specification's rules.
/// </summary>
internal sealed class GeneratedSchemas
{
    private static readonly string[] Primitives = ["null", "boolean", "int", "long", "float", "double", "bytes", "string"];

    private readonly Random random;
    private int counter;

    public GeneratedSchemas(int seed) => random = new Random(seed);

    /// <summary><paramref name="count"/> (original, mutated, description) triples.</summary>
    public IEnumerable<(string Mutation, string Original, string Mutated)> Pairs(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var original = RandomRecord(depth: 0, Namespace: random.Next(3) == 0 ? "ns" + random.Next(3).ToString(CultureInfo.InvariantCulture) : null);
            var mutated = original.Clone();
            var steps = new List<string>();
            var moves = 1 + (random.Next(4) == 0 ? 1 : 0) + (random.Next(8) == 0 ? 1 : 0);
            while (steps.Count < moves)
            {
                // A move that would break a union rule (e.g. promoting int next to long) is discarded and another drawn.
                var attempt = mutated.Clone();
                var step = Mutate(attempt);
                if (step != "none" && attempt.UnionsAreValid())
                {
                    attempt.RefreshDefaults();
                    mutated = attempt;
                    steps.Add(step);
                }
            }

            yield return (string.Join(" + ", steps), original.ToJson(), mutated.ToJson());
        }
    }

    private Rec RandomRecord(int depth, string? Namespace)
    {
        var record = new Rec(FreshName("R"), Namespace);
        var fieldCount = random.Next(depth == 0 ? 1 : 0, depth == 0 ? 6 : 4);
        for (var i = 0; i < fieldCount; i++)
        {
            record.Fields.Add(RandomField(depth, record));
        }

        if (depth == 0 && random.Next(6) == 0)
        {
            record.Fields.Add(new Fld(FreshName("next"), new Uni([new Prim("null"), new Ref(record)]), "null"));
        }

        return record;
    }

    private Fld RandomField(int depth, Rec owner)
    {
        var type = RandomType(depth + 1, allowUnion: true);
        var withDefault = random.Next(3) == 0;
        return new Fld(FreshName("f"), type, withDefault ? DefaultOf(type) : null);
    }

    private Node RandomType(int depth, bool allowUnion)
    {
        var roll = random.Next(depth > 2 ? 10 : 16);
        switch (roll)
        {
            case < 9:
                return new Prim(Primitives[1 + random.Next(Primitives.Length - 1)]);
            case 9:
                return RandomEnum();
            case 10:
                return new Fix(FreshName("X"), random.Next(1, 5) * 4);
            case 11:
                return new Arr(RandomType(depth + 1, allowUnion: true));
            case 12:
                return new Map(RandomType(depth + 1, allowUnion: true));
            case 13 when allowUnion:
            case 14 when allowUnion:
                return RandomUnion(depth);
            default:
                return RandomRecord(depth, random.Next(4) == 0 ? "inner" : null);
        }
    }

    private Uni RandomUnion(int depth)
    {
        var branches = new List<Node>();
        if (random.Next(3) != 0)
        {
            branches.Add(new Prim("null"));
        }

        var target = random.Next(1, 4);
        while (branches.Count < target + 1)
        {
            var branch = RandomType(depth + 1, allowUnion: false);
            if (!branches.Any(b => b.Identity == branch.Identity))
            {
                branches.Add(branch);
            }
        }

        if (random.Next(3) == 0)
        {
            branches.Reverse();
        }

        return new Uni(branches);
    }

    private En RandomEnum()
    {
        var symbols = new List<string>();
        var count = random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            symbols.Add("S" + i.ToString(CultureInfo.InvariantCulture));
        }

        return new En(FreshName("E"), symbols, random.Next(3) == 0 ? symbols[random.Next(count)] : null);
    }

    private string Mutate(Rec root)
    {
        var records = root.Records().ToList();
        var record = records[random.Next(records.Count)];
        var fields = record.Fields;
        switch (random.Next(16))
        {
            case 0:
                var added = RandomField(1, record);
                added.Default ??= random.Next(2) == 0 ? DefaultOf(added.Type) : null;
                fields.Add(added);
                return added.Default is null ? "add field" : "add field with default";
            case 1 when fields.Count > 0:
                fields.RemoveAt(random.Next(fields.Count));
                return "remove field";
            case 2 when fields.Count > 0:
                var renamed = fields[random.Next(fields.Count)];
                var old = renamed.Name;
                renamed.Name = FreshName("f");
                if (random.Next(2) == 0)
                {
                    renamed.Aliases.Add(old);
                    return "rename field with alias";
                }

                return "rename field";
            case 3 when fields.Count > 0:
                var changed = fields[random.Next(fields.Count)];
                changed.Type = new Prim(Primitives[1 + random.Next(Primitives.Length - 1)]);
                changed.Default = changed.Default is null ? null : DefaultOf(changed.Type);
                return "change field type";
            case 4 when fields.Count > 0:
                var nullable = fields[random.Next(fields.Count)];
                if (nullable.Type is Uni || nullable.Type is Prim { Type: "null" })
                {
                    return "none";
                }

                nullable.Type = new Uni([new Prim("null"), nullable.Type]);
                nullable.Default = random.Next(2) == 0 ? "null" : null;
                return "make field nullable";
            case 5 when fields.Count > 0:
                var removeDefault = fields[random.Next(fields.Count)];
                removeDefault.Default = removeDefault.Default is null ? DefaultOf(removeDefault.Type) : null;
                return "toggle default";
            case 6:
                var renamedRecord = records[random.Next(records.Count)];
                var oldName = renamedRecord.FullName;
                renamedRecord.Name = FreshName("R");
                if (random.Next(2) == 0)
                {
                    renamedRecord.Aliases.Add(oldName);
                    return "rename record with alias";
                }

                return "rename record";
            case 7:
                record.Namespace = record.Namespace is null ? "moved" : null;
                return "change namespace";
            default:
                return MutateNode(root) ?? "none";
        }
    }

    // Changes one nested type somewhere in the tree: promotions, enums, fixed, unions, collections.
    private string? MutateNode(Rec root)
    {
        var slots = new List<(Func<Node> Get, Action<Node> Set)>();
        root.Slots(slots);
        if (slots.Count == 0)
        {
            return null;
        }

        var (get, set) = slots[random.Next(slots.Count)];
        var node = get();
        switch (node)
        {
            case Prim prim when prim.Type != "null":
                set(new Prim(random.Next(2) == 0 ? Promote(prim.Type) : Primitives[1 + random.Next(Primitives.Length - 1)]));
                return "retype " + prim.Type;
            case En en:
                switch (random.Next(4))
                {
                    case 0:
                        en.Symbols.Add("T" + FreshName(string.Empty));
                        return "add enum symbol";
                    case 1 when en.Symbols.Count > 1:
                        var removed = en.Symbols[random.Next(en.Symbols.Count)];
                        en.Symbols.Remove(removed);
                        if (en.Default == removed)
                        {
                            en.Default = en.Symbols[0];
                        }

                        return "remove enum symbol";
                    case 2:
                        en.Default = en.Default is null ? en.Symbols[random.Next(en.Symbols.Count)] : null;
                        return "toggle enum default";
                    default:
                        var oldName = en.FullName;
                        en.Name = FreshName("E");
                        if (random.Next(2) == 0)
                        {
                            en.Aliases.Add(oldName);
                        }

                        return "rename enum";
                }

            case Fix fix:
                if (random.Next(2) == 0)
                {
                    fix.Size += 4;
                    return "resize fixed";
                }

                var oldFixed = fix.FullName;
                fix.Name = FreshName("X");
                if (random.Next(2) == 0)
                {
                    fix.Aliases.Add(oldFixed);
                }

                return "rename fixed";
            case Uni uni:
                if (random.Next(2) == 0 && uni.Branches.Count > 1)
                {
                    uni.Branches.RemoveAt(random.Next(uni.Branches.Count));
                    return "remove union branch";
                }

                if (random.Next(3) == 0)
                {
                    set(uni.Branches[random.Next(uni.Branches.Count)]);
                    return "unwrap union";
                }

                var extra = RandomType(3, allowUnion: false);
                if (uni.Branches.Any(b => b.Identity == extra.Identity))
                {
                    return "none";
                }

                uni.Branches.Insert(random.Next(uni.Branches.Count + 1), extra);
                return "add union branch";
            case Arr arr:
                arr.Items = random.Next(2) == 0 && arr.Items is Prim p ? new Prim(Promote(p.Type)) : RandomType(3, allowUnion: true);
                return "retype array items";
            case Map map:
                map.Values = random.Next(2) == 0 && map.Values is Prim q ? new Prim(Promote(q.Type)) : RandomType(3, allowUnion: true);
                return "retype map values";
            default:
                return null;
        }
    }

    private static string Promote(string type) => type switch
    {
        "int" => "long",
        "long" => "float",
        "float" => "double",
        "string" => "bytes",
        "bytes" => "string",
        _ => type,
    };

    private string FreshName(string prefix) => prefix + (++counter).ToString(CultureInfo.InvariantCulture);

    // A valid default for the type, or null when none exists (a record that must contain itself).
    private static string? DefaultOf(Node type)
    {
        switch (type)
        {
            case Prim { Type: "null" }:
                return "null";
            case Prim { Type: "boolean" }:
                return "false";
            case Prim { Type: "int" or "long" }:
                return "0";
            case Prim { Type: "float" or "double" }:
                return "1.5";
            case Prim:
                return "\"\"";
            case En en:
                return "\"" + (en.Default ?? en.Symbols[0]) + "\"";
            case Fix fix:
                return "\"" + new string('a', fix.Size) + "\"";
            case Arr:
                return "[]";
            case Map:
                return "{}";
            case Uni uni:
                return uni.Branches.Count == 0 ? null : DefaultOf(uni.Branches[0]);
            case Rec rec:
                var values = new List<string>();
                foreach (var field in rec.Fields)
                {
                    var value = field.Default ?? DefaultOf(field.Type);
                    if (value is null)
                    {
                        return null;
                    }

                    values.Add("\"" + field.Name + "\":" + value);
                }

                return "{" + string.Join(",", values) + "}";
            default:
                return null;
        }
    }

    private abstract class Node
    {
        public abstract string Identity { get; }

        public abstract Node Clone(Dictionary<Rec, Rec> map);

        public abstract void Write(StringBuilder json, HashSet<string> defined);
    }

    private sealed class Prim(string type) : Node
    {
        public string Type { get; } = type;

        public override string Identity => Type;

        public override Node Clone(Dictionary<Rec, Rec> map) => new Prim(Type);

        public override void Write(StringBuilder json, HashSet<string> defined) => json.Append('"').Append(Type).Append('"');
    }

    private abstract class Named(string name, string? space) : Node
    {
        public string Name { get; set; } = name;

        public string? Namespace { get; set; } = space;

        public List<string> Aliases { get; } = [];

        public string FullName => Namespace is null ? Name : Namespace + "." + Name;

        public override string Identity => FullName;

        // Every named type states its namespace (null namespace as ""), so its full name never depends on where it sits.
        protected void WriteHeader(StringBuilder json, string type)
        {
            json.Append("{\"type\":\"").Append(type).Append("\",\"name\":\"").Append(Name).Append("\",\"namespace\":\"").Append(Namespace ?? string.Empty).Append('"');
            if (Aliases.Count > 0)
            {
                json.Append(",\"aliases\":[").Append(string.Join(",", Aliases.Select(a => "\"" + a + "\""))).Append(']');
            }
        }
    }

    private sealed class Rec(string name, string? space) : Named(name, space)
    {
        public List<Fld> Fields { get; } = [];

        public Rec Clone() => (Rec)Clone(new Dictionary<Rec, Rec>());

        public override Node Clone(Dictionary<Rec, Rec> map)
        {
            var copy = new Rec(Name, Namespace);
            copy.Aliases.AddRange(Aliases);
            map[this] = copy;
            foreach (var field in Fields)
            {
                var fieldCopy = new Fld(field.Name, field.Type.Clone(map), field.Default);
                fieldCopy.Aliases.AddRange(field.Aliases);
                copy.Fields.Add(fieldCopy);
            }

            return copy;
        }

        public IEnumerable<Rec> Records()
        {
            yield return this;
            foreach (var field in Fields)
            {
                foreach (var nested in Nested(field.Type))
                {
                    yield return nested;
                }
            }
        }

        public void Slots(List<(Func<Node> Get, Action<Node> Set)> slots)
        {
            foreach (var field in Fields)
            {
                AddSlots(() => field.Type, value => field.Type = value, slots);
            }
        }

        public bool UnionsAreValid() => Fields.All(f => UnionsAreValid(f.Type));

        public void RefreshDefaults()
        {
            // Nested records first: a record-typed field's default is built from its fields' defaults.
            foreach (var field in Fields)
            {
                foreach (var nested in Nested(field.Type))
                {
                    nested.RefreshDefaults();
                }

                if (field.Default is not null)
                {
                    field.Default = DefaultOf(field.Type);
                }
            }
        }

        private static bool UnionsAreValid(Node node) => node switch
        {
            Rec rec => rec.UnionsAreValid(),
            Arr arr => UnionsAreValid(arr.Items),
            Map map => UnionsAreValid(map.Values),
            Uni uni => uni.Branches.All(b => b is not Uni && UnionsAreValid(b)) &&
                uni.Branches.Select(b => b.Identity).Distinct().Count() == uni.Branches.Count,
            _ => true,
        };

        public string ToJson()
        {
            var json = new StringBuilder();
            Write(json, new HashSet<string>());
            return json.ToString();
        }

        public override void Write(StringBuilder json, HashSet<string> defined)
        {
            defined.Add(FullName);
            WriteHeader(json, "record");
            json.Append(",\"fields\":[");
            for (var i = 0; i < Fields.Count; i++)
            {
                var field = Fields[i];
                json.Append(i == 0 ? string.Empty : ",").Append("{\"name\":\"").Append(field.Name).Append("\",\"type\":");
                field.Type.Write(json, defined);
                if (field.Default is not null)
                {
                    json.Append(",\"default\":").Append(field.Default);
                }

                if (field.Aliases.Count > 0)
                {
                    json.Append(",\"aliases\":[").Append(string.Join(",", field.Aliases.Select(a => "\"" + a + "\""))).Append(']');
                }

                json.Append('}');
            }

            json.Append("]}");
        }

        private static IEnumerable<Rec> Nested(Node node) => node switch
        {
            Rec rec => rec.Records(),
            Arr arr => Nested(arr.Items),
            Map map => Nested(map.Values),
            Uni uni => uni.Branches.SelectMany(Nested),
            _ => [],
        };

        private static void AddSlots(Func<Node> get, Action<Node> set, List<(Func<Node> Get, Action<Node> Set)> slots)
        {
            var node = get();
            slots.Add((get, set));
            switch (node)
            {
                case Rec rec:
                    rec.Slots(slots);
                    break;
                case Arr arr:
                    AddSlots(() => arr.Items, value => arr.Items = value, slots);
                    break;
                case Map map:
                    AddSlots(() => map.Values, value => map.Values = value, slots);
                    break;
                case Uni uni:
                    for (var i = 0; i < uni.Branches.Count; i++)
                    {
                        var index = i;
                        AddSlots(() => uni.Branches[index], value => uni.Branches[index] = value, slots);
                    }

                    break;
            }
        }
    }

    private sealed class Fld(string name, Node type, string? defaultJson)
    {
        public string Name { get; set; } = name;

        public Node Type { get; set; } = type;

        public string? Default { get; set; } = defaultJson;

        public List<string> Aliases { get; } = [];
    }

    private sealed class Ref(Rec target) : Node
    {
        public Rec Target { get; } = target;

        public override string Identity => Target.FullName;

        public override Node Clone(Dictionary<Rec, Rec> map) => new Ref(map.TryGetValue(Target, out var copy) ? copy : Target);

        public override void Write(StringBuilder json, HashSet<string> defined) => json.Append('"').Append(Target.FullName).Append('"');
    }

    private sealed class En(string name, List<string> symbols, string? defaultSymbol) : Named(name, null)
    {
        public List<string> Symbols { get; } = symbols;

        public string? Default { get; set; } = defaultSymbol;

        public override Node Clone(Dictionary<Rec, Rec> map)
        {
            var copy = new En(Name, [.. Symbols], Default) { Namespace = Namespace };
            copy.Aliases.AddRange(Aliases);
            return copy;
        }

        public override void Write(StringBuilder json, HashSet<string> defined)
        {
            WriteHeader(json, "enum");
            json.Append(",\"symbols\":[").Append(string.Join(",", Symbols.Select(s => "\"" + s + "\""))).Append(']');
            if (Default is not null)
            {
                json.Append(",\"default\":\"").Append(Default).Append('"');
            }

            json.Append('}');
        }
    }

    private sealed class Fix(string name, int size) : Named(name, null)
    {
        public int Size { get; set; } = size;

        public override Node Clone(Dictionary<Rec, Rec> map)
        {
            var copy = new Fix(Name, Size) { Namespace = Namespace };
            copy.Aliases.AddRange(Aliases);
            return copy;
        }

        public override void Write(StringBuilder json, HashSet<string> defined)
        {
            WriteHeader(json, "fixed");
            json.Append(",\"size\":").Append(Size.ToString(CultureInfo.InvariantCulture)).Append('}');
        }
    }

    private sealed class Arr(Node items) : Node
    {
        public Node Items { get; set; } = items;

        public override string Identity => "array";

        public override Node Clone(Dictionary<Rec, Rec> map) => new Arr(Items.Clone(map));

        public override void Write(StringBuilder json, HashSet<string> defined)
        {
            json.Append("{\"type\":\"array\",\"items\":");
            Items.Write(json, defined);
            json.Append('}');
        }
    }

    private sealed class Map(Node values) : Node
    {
        public Node Values { get; set; } = values;

        public override string Identity => "map";

        public override Node Clone(Dictionary<Rec, Rec> map) => new Map(Values.Clone(map));

        public override void Write(StringBuilder json, HashSet<string> defined)
        {
            json.Append("{\"type\":\"map\",\"values\":");
            Values.Write(json, defined);
            json.Append('}');
        }
    }

    private sealed class Uni(List<Node> branches) : Node
    {
        public List<Node> Branches { get; } = branches;

        public override string Identity => "union";

        public override Node Clone(Dictionary<Rec, Rec> map) => new Uni(Branches.Select(b => b.Clone(map)).ToList());

        public override void Write(StringBuilder json, HashSet<string> defined)
        {
            json.Append('[');
            for (var i = 0; i < Branches.Count; i++)
            {
                json.Append(i == 0 ? string.Empty : ",");
                Branches[i].Write(json, defined);
            }

            json.Append(']');
        }
    }
}
