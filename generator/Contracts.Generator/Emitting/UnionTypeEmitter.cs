using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>
/// Emits the closed C# class of a general union: an abstract class whose only constructor is private, one sealed nested
/// case class per non-null branch holding the branch's <c>Value</c>, exhaustive <c>Match</c>/<c>Switch</c>,
/// <c>TryGet…</c> accessors, value equality, and implicit conversions from each branch's type. C# null stands for the
/// <c>"null"</c> branch, as for nullable fields. A class rather than a record: records cannot make their copy
/// constructor private, so a record hierarchy could be extended outside the generated code and stop being closed.
/// </summary>
internal static class UnionTypeEmitter
{
    /// <summary>
    /// Writes the union class declaration (named <see cref="UnionNames.SimpleName"/>) at the writer's position, e.g.
    /// inside the partial record that declares the field.
    /// </summary>
    /// <param name="w">The writer, positioned where a type member or namespace member may go.</param>
    /// <param name="union">The union node; its <see cref="AvroTypeModel.ClrTypeName"/> names the class.</param>
    /// <param name="isValueTypeRecord">Whether a record (by Avro full name) maps to a struct; records from .avsc are classes.</param>
    public static void Emit(SourceWriter w, AvroTypeModel union, Func<string, bool>? isValueTypeRecord = null)
    {
        var simpleName = UnionNames.SimpleName(union);
        var caseNames = UnionNames.CaseNames(union);
        var nullable = UnionNames.NullBranchIndex(union) >= 0;
        var cases = Enumerable.Range(0, union.Branches.Count)
            .Where(i => caseNames[i] is not null)
            .Select(i => new Case(i, caseNames[i]!, union.Branches[i], IsReference(union.Branches[i], isValueTypeRecord)))
            .ToArray();
        var self = simpleName + (nullable ? "?" : string.Empty);

        w.Line("/// <summary>");
        w.Line("/// A value of the Avro union <c>" + SchemaOf(union) + "</c>: exactly one of " +
               string.Join(", ", cases.Select(c => "<see cref=\"" + c.Name + "\"/>")) + (nullable ? ", or null for the <c>\"null\"</c> branch." : "."));
        w.Line("/// </summary>");
        w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Contracts.Generator\", \"1.0.0\")]");
        w.Open("public abstract partial class " + simpleName + " : global::System.IEquatable<" + simpleName + ">");
        w.Line("// Private: the cases below are the only subclasses, which keeps Match and Switch exhaustive.");
        w.Open("private " + simpleName + "()");
        w.Close();
        foreach (var c in cases)
        {
            w.Line();
            EmitCase(w, simpleName, c);
        }

        foreach (var c in cases.GroupBy(c => c.Branch.ClrTypeName).Where(g => g.Count() == 1).Select(g => g.Single()))
        {
            if (c.Branch.Clr is ClrShape.ArrayInterface or ClrShape.DictionaryInterface)
            {
                // C# has no user-defined conversions from interfaces (CS0552); the case constructor serves instead.
                continue;
            }

            w.Line();
            w.Line("/// <summary>Wraps <paramref name=\"value\"/> as the <see cref=\"" + c.Name + "\"/> case.</summary>");
            if (nullable && c.IsReference)
            {
                w.Line("[return: global::System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]");
                w.Line("public static implicit operator " + self + "(" + c.Branch.ClrTypeName + "? value) => value is null ? null : new " + c.Name + "(value);");
            }
            else
            {
                w.Line("public static implicit operator " + simpleName + "(" + c.Branch.ClrTypeName + " value) => new " + c.Name + "(value);");
            }
        }

        EmitMatch(w, cases);
        EmitSwitch(w, cases);
        foreach (var c in cases)
        {
            w.Line();
            w.Line("/// <summary>Gets the value when this is the <see cref=\"" + c.Name + "\"/> case.</summary>");
            w.Open("public bool TryGet" + c.Name + "([global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out " + c.Branch.ClrTypeName + " value)");
            w.Open("if (this is " + c.Name + " branch)");
            w.Line("value = branch.Value;");
            w.Line("return true;");
            w.Close();
            w.Line();
            w.Line("value = default;");
            w.Line("return false;");
            w.Close();
        }

        w.Line();
        w.Line("/// <summary>Whether <paramref name=\"other\"/> is the same case with an equal value.</summary>");
        w.Line("public abstract bool Equals(" + simpleName + "? other);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public sealed override bool Equals(object? obj) => obj is " + simpleName + " other && Equals(other);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public abstract override int GetHashCode();");
        w.Line();
        w.Line("/// <summary>Whether both are null, or the same case with equal values.</summary>");
        w.Line("public static bool operator ==(" + simpleName + "? left, " + simpleName + "? right) => left is null ? right is null : left.Equals(right);");
        w.Line();
        w.Line("/// <summary>Whether the two differ in case or value.</summary>");
        w.Line("public static bool operator !=(" + simpleName + "? left, " + simpleName + "? right) => !(left == right);");
        w.Close();
    }

    private static void EmitCase(SourceWriter w, string unionName, Case c)
    {
        var type = c.Branch.ClrTypeName;
        w.Line("/// <summary>The <c>" + Escape(UnionNames.JsonBranchName(c.Branch)) + "</c> branch" + LogicalTypeNote(c.Branch) + ".</summary>");
        w.Open("public sealed class " + c.Name + " : " + unionName);
        w.Line("/// <summary>Wraps <paramref name=\"value\"/> as this case.</summary>");
        if (c.IsReference)
        {
            w.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"value\"/> is null; only the union's <c>\"null\"</c> branch (C# null) may be empty.</exception>");
        }

        w.Open("public " + c.Name + "(" + type + " value)");
        w.Line(c.IsReference ? "Value = value ?? throw new global::System.ArgumentNullException(nameof(value));" : "Value = value;");
        w.Close();
        w.Line();
        w.Line("/// <summary>The branch's value.</summary>");
        w.Line("public " + type + " Value { get; }");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public override bool Equals(" + unionName + "? other) =>");
        w.Line("    other is " + c.Name + " branch && global::System.Collections.Generic.EqualityComparer<" + type + ">.Default.Equals(Value, branch.Value);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public override int GetHashCode() => global::System.HashCode.Combine(" + CSharpLiteral.Int(c.BranchIndex) + ", Value);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public override string ToString() => global::System.FormattableString.Invariant($\"" + c.Name + " {{ Value = {Value} }}\");");
        w.Close();
    }

    private static void EmitMatch(SourceWriter w, IReadOnlyList<Case> cases)
    {
        w.Line();
        w.Line("/// <summary>Calls the function for this value's case and returns its result.</summary>");
        foreach (var c in cases)
        {
            w.Line("/// <param name=\"" + Parameter(c) + "\">Called with the value of the <see cref=\"" + c.Name + "\"/> case.</param>");
        }

        w.Line("/// <returns>What the called function returns.</returns>");
        w.Open("public TResult Match<TResult>(" + string.Join(", ", cases.Select(c => "global::System.Func<" + c.Branch.ClrTypeName + ", TResult> " + CodeNames.Member(Parameter(c)))) + ")");
        foreach (var c in cases)
        {
            w.Line("global::System.ArgumentNullException.ThrowIfNull(" + CodeNames.Member(Parameter(c)) + ");");
        }

        w.Line("return this switch");
        w.Open();
        foreach (var c in cases)
        {
            w.Line(c.Name + " branch => " + CodeNames.Member(Parameter(c)) + "(branch.Value),");
        }

        w.Line("_ => throw new global::System.InvalidOperationException(\"The union has no case \" + GetType().Name + \".\"),");
        w.Close(";");
        w.Close();
    }

    private static void EmitSwitch(SourceWriter w, IReadOnlyList<Case> cases)
    {
        w.Line();
        w.Line("/// <summary>Calls the action for this value's case.</summary>");
        foreach (var c in cases)
        {
            w.Line("/// <param name=\"" + Parameter(c) + "\">Called with the value of the <see cref=\"" + c.Name + "\"/> case.</param>");
        }

        w.Open("public void Switch(" + string.Join(", ", cases.Select(c => "global::System.Action<" + c.Branch.ClrTypeName + "> " + CodeNames.Member(Parameter(c)))) + ")");
        foreach (var c in cases)
        {
            w.Line("global::System.ArgumentNullException.ThrowIfNull(" + CodeNames.Member(Parameter(c)) + ");");
        }

        w.Open("switch (this)");
        foreach (var c in cases)
        {
            w.Line("case " + c.Name + " branch:");
            w.Indent();
            w.Line(CodeNames.Member(Parameter(c)) + "(branch.Value);");
            w.Line("break;");
            w.Outdent();
        }

        w.Line("default:");
        w.Indent();
        w.Line("throw new global::System.InvalidOperationException(\"The union has no case \" + GetType().Name + \".\");");
        w.Outdent();
        w.Close();
        w.Close();
    }

    /// <summary>The Avro schema of the union in compact form, named types by full name, for the class's doc comment.</summary>
    private static string SchemaOf(AvroTypeModel union) =>
        Escape("[" + string.Join(",", union.Branches.Select(b => b.Kind switch
        {
            AvroKind.Null => "\"null\"",
            AvroKind.Array => "{\"type\":\"array\",...}",
            AvroKind.Map => "{\"type\":\"map\",...}",
            _ => "\"" + UnionNames.JsonBranchName(b) + "\"",
        })) + "]");

    private static string LogicalTypeNote(AvroTypeModel branch) =>
        branch.LogicalType is null ? string.Empty : " (logical type <c>" + Escape(branch.LogicalType) + "</c>)";

    /// <summary>The Match/Switch parameter of a case: its name in camelCase.</summary>
    private static string Parameter(Case c) => char.ToLowerInvariant(c.Name[0]) + c.Name.Substring(1);

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static bool IsReference(AvroTypeModel type, Func<string, bool>? isValueTypeRecord) => type.Clr switch
    {
        ClrShape.String or ClrShape.ByteArray or ClrShape.Array or ClrShape.List or ClrShape.ArrayInterface or ClrShape.ImmutableList or
            ClrShape.Dictionary or ClrShape.DictionaryInterface or ClrShape.ImmutableDictionary or ClrShape.Union => true,
        ClrShape.Record => isValueTypeRecord is null || !isValueTypeRecord(type.NamedTypeFullName!),
        _ => false,
    };

    private sealed class Case
    {
        public Case(int branchIndex, string name, AvroTypeModel branch, bool isReference)
        {
            BranchIndex = branchIndex;
            Name = name;
            Branch = branch;
            IsReference = isReference;
        }

        public int BranchIndex { get; }

        public string Name { get; }

        public AvroTypeModel Branch { get; }

        public bool IsReference { get; }
    }
}
