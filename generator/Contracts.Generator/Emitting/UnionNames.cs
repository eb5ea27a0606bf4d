using System;
using System.Collections.Generic;
using System.Globalization;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// The C# names of a general union (<see cref="AvroKind.Union"/>): its class, one case class per non-null branch and
/// the Avro JSON encoding's branch names. The union type emitter, the codec emitters and the parsers (for default
/// expressions) all derive names here, so they always agree.
/// </summary>
internal static class UnionNames
{
    // Members every union class (and the records or objects it derives from) already has: a case with one of these
    // names would not compile (CS0102, CS0542) or would hide an inherited member.
    private static readonly HashSet<string> ReservedCaseNames = new(StringComparer.Ordinal)
    {
        "Value", "Match", "Switch", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize",
        "ReferenceEquals", "Deconstruct", "EqualityContract", "PrintMembers",
    };

    /// <summary>The union class without the <c>?</c> a union with a <c>"null"</c> branch carries, e.g. <c>global::Acme.Person.ContactUnion</c>.</summary>
    public static string ClassName(AvroTypeModel union)
    {
        RequireUnion(union);
        return union.ClrTypeName.EndsWith("?", StringComparison.Ordinal)
            ? union.ClrTypeName.Substring(0, union.ClrTypeName.Length - 1)
            : union.ClrTypeName;
    }

    /// <summary>The class's own name (the part after the last dot), as its declaration spells it.</summary>
    public static string SimpleName(AvroTypeModel union)
    {
        var className = ClassName(union);
        return className.Substring(className.LastIndexOf('.') + 1);
    }

    /// <summary>The position of the <c>"null"</c> branch, or -1 when the union has none.</summary>
    public static int NullBranchIndex(AvroTypeModel union)
    {
        RequireUnion(union);
        for (var i = 0; i < union.Branches.Count; i++)
        {
            if (union.Branches[i].Kind == AvroKind.Null)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The case class name of every branch, indexed like <see cref="AvroTypeModel.Branches"/> (null for the
    /// <c>"null"</c> branch): the branch's type in PascalCase (<c>String</c>, <c>Long</c>, <c>TimestampMillis</c>,
    /// <c>Array</c>, a record's or enum's own name), made unique within the union.
    /// </summary>
    public static IReadOnlyList<string?> CaseNames(AvroTypeModel union)
    {
        RequireUnion(union);
        var simpleName = SimpleName(union);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var names = new string?[union.Branches.Count];
        for (var i = 0; i < names.Length; i++)
        {
            var branch = union.Branches[i];
            if (branch.Kind == AvroKind.Null)
            {
                continue;
            }

            var name = BaseCaseName(branch);
            if (ReservedCaseNames.Contains(name) || name == simpleName)
            {
                name += "Case";
            }

            var candidate = name;
            for (var suffix = 2; !used.Add(candidate) || candidate == simpleName; suffix++)
            {
                candidate = name + suffix.ToString(CultureInfo.InvariantCulture);
            }

            names[i] = candidate;
        }

        return names;
    }

    /// <summary>The fully qualified case class of branch <paramref name="branchIndex"/>, e.g. <c>global::Acme.Person.ContactUnion.String</c>.</summary>
    public static string CaseClassName(AvroTypeModel union, int branchIndex) =>
        ClassName(union) + "." + (CaseNames(union)[branchIndex] ?? throw new ArgumentOutOfRangeException(nameof(branchIndex), branchIndex, "The null branch has no case class."));

    /// <summary>
    /// The name the Avro JSON encoding gives a branch (<c>{"name": value}</c>): the full name of a record, enum or fixed,
    /// the type name otherwise (<c>"string"</c>, <c>"array"</c>, <c>"map"</c>; logical types keep their underlying type's name).
    /// </summary>
    public static string JsonBranchName(AvroTypeModel branch) => branch.Kind switch
    {
        AvroKind.Record or AvroKind.Enum or AvroKind.Fixed => SchemaNamedTypes.NameOf(branch),
        AvroKind.Array => "array",
        AvroKind.Map => "map",
        AvroKind.Nullable or AvroKind.Union => throw new InvalidOperationException("A union cannot directly contain another union."),
        _ => SchemaPrimitives.NameOf(branch.Kind),
    };

    /// <summary>
    /// The name a parser gives the union class declared for a member (nested in the member's record):
    /// <c>{Member}Union</c> for the first union in the member's type, <c>{Member}Union2</c>… for further ones
    /// (a union inside an array branch of another union).
    /// </summary>
    public static string ForMember(string memberName, int ordinal) =>
        memberName + "Union" + (ordinal <= 1 ? string.Empty : ordinal.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// <see cref="ForMember(string, int)"/>, unless the record already uses that name (for a property, such as the field
    /// <c>b_union</c> beside a union field <c>b</c>; its own type name; or an earlier union class): then
    /// <c>{Member}UnionType</c>, <c>{Member}UnionType2</c>… — the first that is free. <paramref name="taken"/> holds the
    /// record's names, is filled in field order, and gets the chosen name, so the choice is deterministic.
    /// </summary>
    public static string ForMember(string memberName, int ordinal, ISet<string> taken)
    {
        var name = ForMember(memberName, ordinal);
        for (var suffix = 1; taken.Contains(name); suffix++)
        {
            name = memberName + "UnionType" + (suffix <= 1 ? string.Empty : suffix.ToString(CultureInfo.InvariantCulture));
        }

        taken.Add(name);
        return name;
    }

    private static string BaseCaseName(AvroTypeModel branch)
    {
        switch (branch.Kind)
        {
            case AvroKind.Record:
            case AvroKind.Enum:
            case AvroKind.Fixed:
                return Pascal(CodecPlan.Identifier(branch.NamedTypeShortName!));
            case AvroKind.Array:
                return "Array";
            case AvroKind.Map:
                return "Map";
            default:
                return branch.LogicalType is { } logicalType ? Pascal(logicalType) : Pascal(SchemaPrimitives.NameOf(branch.Kind));
        }
    }

    /// <summary>PascalCase of a name whose words are separated by '-' or '_' (<c>timestamp-millis</c> -> <c>TimestampMillis</c>).</summary>
    private static string Pascal(string name)
    {
        var text = new System.Text.StringBuilder(name.Length);
        var upper = true;
        foreach (var c in name)
        {
            if (c is '-' or '_')
            {
                upper = true;
                continue;
            }

            text.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return text.Length == 0 || char.IsDigit(text[0]) ? "Case" + text : text.ToString();
    }

    private static void RequireUnion(AvroTypeModel type)
    {
        if (type.Kind != AvroKind.Union)
        {
            throw new InvalidOperationException("Expected a union schema node, got " + type.Kind + ".");
        }
    }
}
