namespace Contracts;

/// <summary>How C# member names become Avro (and JSON envelope) field names.</summary>
public enum FieldNaming
{
    /// <summary><c>FirstName</c> becomes <c>firstName</c>.</summary>
    CamelCase = 0,

    /// <summary><c>FirstName</c> stays <c>FirstName</c>.</summary>
    PascalCase = 1,

    /// <summary><c>FirstName</c> becomes <c>first_name</c> (django-logpipe and most Python services).</summary>
    SnakeCase = 2,
}
