namespace Contracts.Compatibility.Tests.Checker;

/// <summary>Small schema-JSON builders so each rule test reads as the two schemas it compares.</summary>
internal static class Schemas
{
    public static string Record(string name, params string[] fields) =>
        "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[" + string.Join(",", fields) + "]}";

    public static string Field(string name, string type) => "{\"name\":\"" + name + "\",\"type\":" + type + "}";

    public static string Field(string name, string type, string defaultJson) =>
        "{\"name\":\"" + name + "\",\"type\":" + type + ",\"default\":" + defaultJson + "}";

    public static string Quoted(string text) => "\"" + text + "\"";
}
