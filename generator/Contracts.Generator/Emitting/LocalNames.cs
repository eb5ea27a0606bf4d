using System.Globalization;

namespace Contracts.Generator.Emitting;

/// <summary>Hands out unique local variable names within one generated method.</summary>
internal sealed class LocalNames
{
    private int _next;

    public string Next(string prefix) => prefix + (_next++).ToString(CultureInfo.InvariantCulture);
}
