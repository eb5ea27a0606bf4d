using System;
using System.Collections.Generic;
using System.Linq;
using Contracts.Generator.Model;

namespace Contracts.Generator.Emitting;

/// <summary>Finds the earlier versions of a contract's message type among the contracts of an assembly.</summary>
internal static class EarlierVersions
{
    /// <summary>
    /// Lower versions of <paramref name="model"/>'s message type, oldest first. A version declared twice with different
    /// schemas is left out: which of the two the old data was written with is unknown, so neither is read.
    /// </summary>
    public static EquatableArray<EarlierSchemaModel> Of(ContractModel model, IEnumerable<ContractSchemaModel> all) =>
        all.Where(other => string.Equals(other.MessageType, model.MessageType, StringComparison.Ordinal) && other.Version < model.Version)
            .GroupBy(other => other.Version)
            .Where(versions => versions.Select(v => v.SchemaJson).Distinct(StringComparer.Ordinal).Count() == 1)
            .Select(versions => new EarlierSchemaModel(versions.Key, versions.First().SchemaJson))
            .OrderBy(earlier => earlier.Version)
            .ToEquatableArray();
}
