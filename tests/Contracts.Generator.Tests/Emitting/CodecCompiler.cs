using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Contracts.Generator.Emitting;
using Contracts.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Contracts.Generator.Tests.Emitting;

/// <summary>
/// Compiles hand-written user types plus the emitter's output with every warning on, fails on any diagnostic in the
/// generated files, and loads the result so tests can run the generated codecs.
/// </summary>
internal static class CodecCompiler
{
    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(Contracts.Avro.AvroWriter).Assembly.Location))
            .ToArray());

    public static CompiledContracts Compile(string userSource, params ContractModel[] models) =>
        Compile(userSource, new Dictionary<string, string>(), models);

    /// <summary>
    /// Like <see cref="Compile(string, ContractModel[])"/>, with more generated files (e.g. declarations emitted by other
    /// emitters) held to the same no-diagnostics rule.
    /// </summary>
    public static CompiledContracts Compile(string userSource, IReadOnlyDictionary<string, string> otherGeneratedFiles, params ContractModel[] models)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);
        var generated = models.ToDictionary(m => m.Declaration.HintName + ".g.cs", ContractSourceEmitter.Emit);
        foreach (var file in otherGeneratedFiles)
        {
            generated.Add(file.Key, file.Value);
        }

        var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(userSource, parseOptions, "User.cs") };
        trees.AddRange(generated.Select(g => CSharpSyntaxTree.ParseText(g.Value, parseOptions, g.Key)));

        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            warningLevel: 9999,
            optimizationLevel: OptimizationLevel.Release,
            deterministic: true);
        var compilation = CSharpCompilation.Create("Contracts.CodecTests." + Guid.NewGuid().ToString("N"), trees, References.Value, options);

        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        var problems = result.Diagnostics
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id is not ("CS1701" or "CS1702"))
            .Where(d => d.Severity == DiagnosticSeverity.Error || generated.ContainsKey(d.Location.SourceTree?.FilePath ?? string.Empty))
            .ToArray();
        if (problems.Length > 0)
        {
            var listing = string.Join("\n\n", generated.Select(g => "// ===== " + g.Key + "\n" + Numbered(g.Value)));
            Assert.Fail("The emitted code does not compile cleanly:\n" + string.Join("\n", problems.Select(p => p.ToString())) + "\n\n" + listing);
        }

        stream.Position = 0;
        var context = new AssemblyLoadContext("codec-test", isCollectible: true);
        return new CompiledContracts(context.LoadFromStream(stream), generated);
    }

    private static string Numbered(string source) =>
        string.Join("\n", source.Split('\n').Select((line, i) => (i + 1).ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + " " + line));
}

/// <summary>An assembly of compiled contracts, with helpers that call the runtime's generic entry points.</summary>
internal sealed class CompiledContracts(Assembly assembly, IReadOnlyDictionary<string, string> sources)
{
    public Assembly Assembly { get; } = assembly;

    public IReadOnlyDictionary<string, string> Sources { get; } = sources;

    public Type Type(string fullName) => Assembly.GetType(fullName, throwOnError: true)!;

    /// <summary>Calls a public static method of a type in the compiled assembly, unwrapping exceptions it throws.</summary>
    public object? Call(string typeName, string method, params object?[] arguments) =>
        Unwrap(() => Type(typeName).GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments));

    /// <summary>Calls <c>AvroSerializer.Serialize&lt;T&gt;(T)</c>.</summary>
    public byte[] SerializeAvro(object value) =>
        (byte[])Generic(typeof(Contracts.Avro.AvroSerializer), "Serialize", value.GetType(), value)!;

    /// <summary>Calls <c>AvroSerializer.Deserialize&lt;T&gt;(ReadOnlySpan&lt;byte&gt;)</c> through a span-free shim.</summary>
    public object DeserializeAvro(string typeName, byte[] data, Contracts.Avro.AvroReaderOptions? options = null) =>
        Unwrap(() => typeof(CompiledContracts).GetMethod(nameof(DeserializeShim), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(Type(typeName)).Invoke(null, [data, options]))!;

    /// <summary>Calls <c>AvroSerializer.SerializeKey&lt;T&gt;(T)</c>.</summary>
    public byte[] SerializeKey(object value) =>
        (byte[])Generic(typeof(Contracts.Avro.AvroSerializer), "SerializeKey", value.GetType(), value)!;

    /// <summary>Reads <c>T.Descriptor</c>.</summary>
    public Contracts.IMessageDescriptor Descriptor(string typeName) =>
        (Contracts.IMessageDescriptor)Type(typeName).GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    /// <summary>Calls <c>T.WriteJson</c> into a fresh buffer (no envelope) with the default encoder.</summary>
    public string WriteJson(object value) =>
        (string)Unwrap(() => typeof(CompiledContracts).GetMethod(nameof(WriteJsonShim), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(value.GetType()).Invoke(null, [value]))!;

    /// <summary>Calls <c>T.ReadJson</c> on <paramref name="json"/> and checks the whole text was one value.</summary>
    public object ReadJson(string typeName, string json) =>
        Unwrap(() => typeof(CompiledContracts).GetMethod(nameof(ReadJsonShim), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(Type(typeName)).Invoke(null, [json]))!;

    /// <summary>Calls <c>JsonEnvelope.Serialize&lt;T&gt;(T)</c>.</summary>
    public byte[] SerializeEnvelope(object value) =>
        (byte[])Unwrap(() => typeof(CompiledContracts).GetMethod(nameof(SerializeEnvelopeShim), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(value.GetType()).Invoke(null, [value]))!;

    /// <summary>Calls <c>JsonEnvelope.Deserialize&lt;T&gt;(ReadOnlySpan&lt;byte&gt;)</c>.</summary>
    public object DeserializeEnvelope(string typeName, byte[] data) =>
        Unwrap(() => typeof(CompiledContracts).GetMethod(nameof(DeserializeEnvelopeShim), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(Type(typeName)).Invoke(null, [data]))!;

    private static byte[] SerializeEnvelopeShim<T>(T value)
        where T : Contracts.IMessageContract<T> => Contracts.Json.JsonEnvelope.Serialize(value);

    private static T DeserializeEnvelopeShim<T>(byte[] data)
        where T : Contracts.IMessageContract<T> => Contracts.Json.JsonEnvelope.Deserialize<T>(data);

    private static string WriteJsonShim<T>(T value)
        where T : Contracts.IMessageContract<T>
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            T.WriteJson(writer, value);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static T ReadJsonShim<T>(string json)
        where T : Contracts.IMessageContract<T>
    {
        var reader = new System.Text.Json.Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        reader.Read();
        var value = T.ReadJson(ref reader);
        Assert.False(reader.Read(), "ReadJson stopped before the end of the JSON value.");
        return value;
    }

    private static T DeserializeShim<T>(byte[] data, Contracts.Avro.AvroReaderOptions? options)
        where T : Contracts.IMessageContract<T> => Contracts.Avro.AvroSerializer.Deserialize<T>(data, options);

    private static object? Generic(Type owner, string name, Type typeArgument, object value)
    {
        var method = owner.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => m.Name == name && m.IsGenericMethodDefinition && m.GetParameters().Length == 1);
        return Unwrap(() => method.MakeGenericMethod(typeArgument).Invoke(null, [value]));
    }

    private static object? Unwrap(Func<object?> call)
    {
        try
        {
            return call();
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
