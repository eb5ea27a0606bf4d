namespace Contracts.Messaging;

/// <summary>Kafka's topic name rules, which the other transports' stream names also satisfy.</summary>
public static class TopicNames
{
    /// <summary>The longest topic name Kafka accepts.</summary>
    public const int MaxLength = 249;

    /// <summary>Returns why <paramref name="name"/> is not a valid topic name, or null when it is.</summary>
    public static string? Validate(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "it is empty.";
        }

        if (name.Length > MaxLength)
        {
            return $"it has {name.Length} characters; at most {MaxLength} are allowed.";
        }

        if (name is "." or "..")
        {
            return "'.' and '..' are reserved.";
        }

        foreach (var c in name)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '_' or '-'))
            {
                return $"'{c}' is not allowed; use ASCII letters, digits, '.', '_' and '-'.";
            }
        }

        return null;
    }
}
