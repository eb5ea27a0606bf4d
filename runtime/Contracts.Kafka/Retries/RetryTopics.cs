using System.Globalization;

namespace Contracts.Kafka.Retries;

/// <summary>The retry and dead-letter topic names of a consumer group, as django-kafka defines them.</summary>
public static class RetryTopics
{
    /// <summary><c>&lt;group&gt;.&lt;topic&gt;.retry.&lt;retry&gt;</c>: where messages wait for retry number <paramref name="retry"/> (1-based).</summary>
    public static string Retry(string group, string topic, int retry) =>
        string.Create(CultureInfo.InvariantCulture, $"{group}.{topic}.retry.{retry}");

    /// <summary><c>&lt;group&gt;.&lt;topic&gt;.dlt</c>: where messages that cannot be handled end up.</summary>
    public static string DeadLetter(string group, string topic) => $"{group}.{topic}.dlt";
}
