namespace Contracts.Generator.Model;

/// <summary>An Avro record and the C# type (record, class or struct) it maps to.</summary>
/// <param name="AvroFullName">Namespace-qualified Avro name, e.g. <c>Acme.People.Person</c>.</param>
/// <param name="ClrTypeName">Fully qualified C# type, <c>global::Acme.People.PersonV2</c>.</param>
/// <param name="IsValueType">Whether the C# type is a struct.</param>
/// <param name="Doc">The Avro doc, or null.</param>
/// <param name="Aliases">Avro aliases of the record.</param>
/// <param name="Fields">Fields in schema order: constructor parameters first, in their order, then initializer-set members in declaration order.</param>
/// <param name="ConstructorParameterCount">How many arguments the constructor used for reading takes.</param>
internal sealed record RecordModel(
    string AvroFullName,
    string ClrTypeName,
    bool IsValueType,
    string? Doc,
    EquatableArray<string> Aliases,
    EquatableArray<FieldModel> Fields,
    int ConstructorParameterCount)
{
    public string AvroName => AvroFullName.Substring(AvroFullName.LastIndexOf('.') + 1);

    public string AvroNamespace => AvroFullName.LastIndexOf('.') < 0 ? string.Empty : AvroFullName.Substring(0, AvroFullName.LastIndexOf('.'));
}
