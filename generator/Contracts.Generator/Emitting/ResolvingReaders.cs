using System.Collections.Generic;

namespace Contracts.Generator.Emitting;

/// <summary>The resolving readers planned for one contract: the descriptor entries and the codec methods behind them.</summary>
internal sealed class ResolvingReaders
{
    public static ResolvingReaders None { get; } = new();

    /// <summary>One entry per earlier version that gets a reader, oldest first.</summary>
    public List<ResolvingReaderEntry> Entries { get; } = new();

    /// <summary>Earlier versions that get no reader, each with the reason, oldest first.</summary>
    public List<string> NotReadable { get; } = new();

    /// <summary>Codec class members, one source line each, unindented (the class adds its indentation).</summary>
    public List<string> MethodLines { get; } = new();
}

/// <summary>An earlier version, its writer schema and the codec method that reads its data into the contract.</summary>
internal sealed record ResolvingReaderEntry(int WriterVersion, string WriterSchemaJson, string EntryMethod);
