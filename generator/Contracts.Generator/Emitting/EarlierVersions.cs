using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>Finds the earlier versions of a contract's message type among the contracts of an assembly and its shipped baseline.</summary>
internal static class EarlierVersions
{
    /// <summary>
    /// Lower versions of <paramref name="model"/>'s message type, oldest first. A version declared by a contract reads
    /// with the declared schema: that is what this code base writes, and the compatibility analyzer reports a declared
    /// version that differs from its shipped baseline (CTR1002). A version only the baseline holds reads with the baseline
    /// schema (the first file by path, should two baselines hold it). A version declared twice with different schemas is
    /// left out: which of the two the old data was written with is unknown, so neither is read.
    /// </summary>
    public static EquatableArray<EarlierSchemaModel> Of(ContractModel model, EarlierSchemaSources sources)
    {
        var versions = new SortedDictionary<int, string?>();
        foreach (var declared in sources.Declared.Where(other => IsEarlier(model, other.MessageType, other.Version)).GroupBy(other => other.Version))
        {
            var schemas = declared.Select(v => v.SchemaJson).Distinct(StringComparer.Ordinal).ToList();
            versions[declared.Key] = schemas.Count == 1 ? schemas[0] : null;
        }

        foreach (var shipped in sources.Shipped.Where(other => IsEarlier(model, other.MessageType, other.Version)).OrderBy(other => other.Path, StringComparer.Ordinal))
        {
            if (!versions.ContainsKey(shipped.Version))
            {
                versions[shipped.Version] = shipped.SchemaJson;
            }
        }

        return versions
            .Where(version => version.Value is not null)
            .Select(version => new EarlierSchemaModel(version.Key, version.Value!))
            .ToEquatableArray();
    }

    private static bool IsEarlier(ContractModel model, string messageType, int version) =>
        string.Equals(messageType, model.MessageType, StringComparison.Ordinal) && version < model.Version;
}
