using System;
using System.Globalization;
using System.IO;

namespace Contracts.Generator.Parsing;

/// <summary>What a file of the shipped baseline is: a shipped schema, a removal acknowledgement, or neither.</summary>
internal enum ShippedFileKind
{
    Invalid,
    Schema,
    RemovalMarker,
}

/// <summary>
/// One file of the shipped baseline, named <c>&lt;shipped dir&gt;/&lt;message type&gt;/v&lt;version&gt;.avsc</c> (a shipped
/// schema) or <c>v&lt;version&gt;.removed</c> (the removal of that version's contract is intended). One naming rule for
/// the generator's resolving readers and the compatibility analyzer, which both read the baseline.
/// </summary>
internal sealed record ShippedFile(string Path, ShippedFileKind Kind, string MessageType, int Version, string? NameError)
{
    public const string SchemaExtension = ".avsc";
    public const string RemovalExtension = ".removed";

    /// <summary>The baseline path of a version relative to the shipped directory, with forward slashes.</summary>
    public static string RelativePath(string messageType, int version, string extension) =>
        messageType + "/v" + version.ToString(CultureInfo.InvariantCulture) + extension;

    public static ShippedFile FromPath(string path)
    {
        var fileName = System.IO.Path.GetFileName(path);
        var messageType = System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(path) ?? string.Empty) ?? string.Empty;
        var extension = System.IO.Path.GetExtension(fileName);
        var kind = string.Equals(extension, SchemaExtension, StringComparison.OrdinalIgnoreCase) ? ShippedFileKind.Schema
            : string.Equals(extension, RemovalExtension, StringComparison.OrdinalIgnoreCase) ? ShippedFileKind.RemovalMarker
            : ShippedFileKind.Invalid;
        var stem = System.IO.Path.GetFileNameWithoutExtension(fileName);
        if (kind == ShippedFileKind.Invalid)
        {
            return new ShippedFile(path, kind, messageType, 0, "a baseline file is named v<version>.avsc (a shipped schema) or v<version>.removed (an acknowledged removal)");
        }

        if (stem.Length < 2 || stem[0] != 'v' ||
            !int.TryParse(stem.Substring(1), NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1 ||
            stem.Substring(1) != version.ToString(CultureInfo.InvariantCulture))
        {
            return new ShippedFile(path, ShippedFileKind.Invalid, messageType, 0, $"'{fileName}' should be named v<version>{extension} with a version of 1 or greater (e.g. v2{extension})");
        }

        if (messageType.Length == 0)
        {
            return new ShippedFile(path, ShippedFileKind.Invalid, messageType, version, "it must sit in a folder named after its message type (<shipped dir>/<message type>/" + fileName + ")");
        }

        return new ShippedFile(path, kind, messageType, version, null);
    }
}
