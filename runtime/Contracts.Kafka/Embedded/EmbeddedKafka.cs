using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Confluent.Kafka;
using Contracts.Kafka.Native;

namespace Contracts.Kafka;

/// <summary>
/// A Kafka cluster inside the current process: librdkafka's mock cluster, listening on 127.0.0.1 ephemeral ports. Any
/// Kafka client (Confluent.Kafka producers, consumers, groups, idempotence, transactions) can use
/// <see cref="BootstrapServers"/>; faults can be injected while they run. Meant for tests, samples and local
/// development: data lives in memory, each partition keeps only its newest ~5 MiB, and AdminClient topic management
/// is not supported (use <see cref="CreateTopic"/>; consumer groups pointed at it create their retry and dead-letter
/// topics through it).
/// </summary>
/// <example><code>
/// await using var kafka = EmbeddedKafka.Start(new EmbeddedKafkaOptions { Brokers = 3, Topics = { new("people", 4) } });
/// var config = new ProducerConfig { BootstrapServers = kafka.BootstrapServers };
/// </code></example>
public sealed class EmbeddedKafka : IAsyncDisposable, IDisposable
{
    private const int ErrorTextSize = 512;

    // Running clusters by bootstrap list, so that consumers pointed at one create topics through the mock API.
    private static readonly ConcurrentDictionary<string, EmbeddedKafka> Running = new(StringComparer.Ordinal);

    private readonly Lock _gate = new();
    private IntPtr _client;
    private IntPtr _cluster;

    private EmbeddedKafka(IntPtr client, IntPtr cluster, int brokers)
    {
        _client = client;
        _cluster = cluster;
        BrokerCount = brokers;
        BootstrapServers = Marshal.PtrToStringUTF8(MockClusterNative.ClusterBootstraps(cluster))
            ?? throw new EmbeddedKafkaException("The mock cluster reported no bootstrap servers.");
    }

    /// <summary>The brokers' <c>host:port</c> list for <c>bootstrap.servers</c>.</summary>
    public string BootstrapServers { get; }

    /// <summary>The number of brokers; their ids are 1..<see cref="BrokerCount"/>.</summary>
    public int BrokerCount { get; }

    /// <summary>Starts a cluster and creates <see cref="EmbeddedKafkaOptions.Topics"/>.</summary>
    /// <exception cref="ArgumentException">The options are out of range.</exception>
    /// <exception cref="EmbeddedKafkaException">librdkafka could not be loaded or refused to start the cluster.</exception>
    public static EmbeddedKafka Start(EmbeddedKafkaOptions? options = null)
    {
        options ??= new EmbeddedKafkaOptions();
        if (options.Brokers is < 1 or > 64)
        {
            throw new ArgumentException($"Brokers is {options.Brokers}; use 1 to 64.", nameof(options));
        }

        if (options.LogLevel is < 0 or > 7)
        {
            throw new ArgumentException($"LogLevel is {options.LogLevel}; use 0 (emergency) to 7 (debug).", nameof(options));
        }

        LibrdkafkaLibrary.EnsureBound();
        var client = CreateHostClient(options.LogLevel);
        var cluster = MockClusterNative.ClusterNew(client, options.Brokers);
        if (cluster == IntPtr.Zero)
        {
            MockClusterNative.KafkaDestroy(client);
            throw new EmbeddedKafkaException($"librdkafka refused to start a mock cluster of {options.Brokers} broker(s).");
        }

        var kafka = new EmbeddedKafka(client, cluster, options.Brokers);
        try
        {
            // Without a controller, admin requests (e.g. metadata-driven topic lookups) wait 5 s for one.
            MockClusterNative.SetControllerId(cluster, 1);
            MockClusterNative.GroupInitialRebalanceDelayMs(cluster, Milliseconds(options.GroupInitialRebalanceDelay, nameof(options.GroupInitialRebalanceDelay)));
            if (options.ConsumerGroupSessionTimeout is { } sessionTimeout)
            {
                MockClusterNative.SetGroupConsumerSessionTimeoutMs(cluster, Milliseconds(sessionTimeout, nameof(options.ConsumerGroupSessionTimeout)));
            }

            if (options.ConsumerGroupHeartbeatInterval is { } heartbeat)
            {
                MockClusterNative.SetGroupConsumerHeartbeatIntervalMs(cluster, Milliseconds(heartbeat, nameof(options.ConsumerGroupHeartbeatInterval)));
            }

            foreach (var topic in options.Topics)
            {
                kafka.CreateTopic(topic.Name, topic.Partitions, topic.ReplicationFactor);
            }

            Running[kafka.BootstrapServers] = kafka;
            return kafka;
        }
        catch
        {
            kafka.Dispose();
            throw;
        }
    }

    /// <summary>The running cluster of this process whose <see cref="BootstrapServers"/> is <paramref name="bootstrapServers"/>, if any.</summary>
    internal static EmbeddedKafka? InProcess(string? bootstrapServers) =>
        bootstrapServers is not null && Running.TryGetValue(bootstrapServers, out var kafka) ? kafka : null;

    /// <summary>Creates a topic.</summary>
    /// <exception cref="ArgumentException">The name is invalid, or the counts are out of range.</exception>
    /// <exception cref="EmbeddedKafkaException">The topic exists or the cluster refused it.</exception>
    public void CreateTopic(string name, int partitions = 1, int replicationFactor = 1)
    {
        if (Messaging.TopicNames.Validate(name) is { } problem)
        {
            throw new ArgumentException($"'{name}' is not a valid topic name: {problem}", nameof(name));
        }

        if (partitions < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(partitions), partitions, "A topic needs at least one partition.");
        }

        if (replicationFactor < 1 || replicationFactor > BrokerCount)
        {
            throw new ArgumentOutOfRangeException(nameof(replicationFactor), replicationFactor, $"Use 1 to the broker count ({BrokerCount}).");
        }

        Check($"Creating topic '{name}' with {partitions} partition(s)", MockClusterNative.TopicCreate(ClusterHandle(), name, partitions, replicationFactor));
    }

    /// <summary>Deletes a topic and its data.</summary>
    /// <exception cref="EmbeddedKafkaException">The topic does not exist.</exception>
    public void DeleteTopic(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Check($"Deleting topic '{name}'", MockClusterNative.TopicDelete(ClusterHandle(), name));
    }

    /// <summary>Makes every request for <paramref name="topic"/> fail with <paramref name="error"/>; <see cref="ErrorCode.NoError"/> clears it.</summary>
    public void SetTopicError(string topic, ErrorCode error)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        MockClusterNative.TopicSetError(ClusterHandle(), topic, (int)error);
    }

    /// <summary>Moves a partition's leadership to <paramref name="brokerId"/>.</summary>
    /// <exception cref="EmbeddedKafkaException">The topic or partition does not exist.</exception>
    public void SetPartitionLeader(string topic, int partition, int brokerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        CheckBrokerId(brokerId);
        Check($"Moving the leader of {topic}[{partition}] to broker {brokerId}", MockClusterNative.PartitionSetLeader(ClusterHandle(), topic, partition, brokerId));
    }

    /// <summary>Takes a broker down: its connections close and it refuses new ones until <see cref="SetBrokerUp"/>.</summary>
    public void SetBrokerDown(int brokerId)
    {
        CheckBrokerId(brokerId);
        Check($"Taking broker {brokerId} down", MockClusterNative.BrokerSetDown(ClusterHandle(), brokerId));
    }

    /// <summary>Brings a broker taken down with <see cref="SetBrokerDown"/> back.</summary>
    public void SetBrokerUp(int brokerId)
    {
        CheckBrokerId(brokerId);
        Check($"Bringing broker {brokerId} up", MockClusterNative.BrokerSetUp(ClusterHandle(), brokerId));
    }

    /// <summary>Delays every response of a broker by <paramref name="roundTripTime"/> (zero removes the delay).</summary>
    public void SetBrokerRoundTripTime(int brokerId, TimeSpan roundTripTime)
    {
        CheckBrokerId(brokerId);
        Check($"Setting the round-trip time of broker {brokerId}", MockClusterNative.BrokerSetRtt(ClusterHandle(), brokerId, Milliseconds(roundTripTime, nameof(roundTripTime))));
    }

    /// <summary>
    /// Makes the next requests of type <paramref name="apiKey"/>, to any broker, fail with <paramref name="errors"/> in
    /// order, one error per request; later requests succeed again.
    /// </summary>
    /// <exception cref="ArgumentException">No error was given.</exception>
    public void PushRequestErrors(KafkaApiKey apiKey, params ErrorCode[] errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Length == 0)
        {
            throw new ArgumentException("Give at least one error.", nameof(errors));
        }

        var codes = Array.ConvertAll(errors, static e => (int)e);
        MockClusterNative.PushRequestErrorsArray(ClusterHandle(), (short)apiKey, (nuint)codes.Length, codes);
    }

    /// <summary>Drops the request errors still queued for <paramref name="apiKey"/>.</summary>
    public void ClearRequestErrors(KafkaApiKey apiKey) => MockClusterNative.ClearRequestErrors(ClusterHandle(), (short)apiKey);

    /// <summary>A producer configuration pointing at this cluster.</summary>
    public ProducerConfig CreateProducerConfig() => new() { BootstrapServers = BootstrapServers };

    /// <summary>
    /// A consumer configuration pointing at this cluster, tuned so group joins and rebalances take milliseconds, not the
    /// seconds real-cluster defaults cost (session 3 s, heartbeat 300 ms, earliest offsets).
    /// </summary>
    public ConsumerConfig CreateConsumerConfig(string groupId)
    {
        ArgumentException.ThrowIfNullOrEmpty(groupId);
        return new ConsumerConfig
        {
            BootstrapServers = BootstrapServers,
            GroupId = groupId,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            SessionTimeoutMs = 3000,
            HeartbeatIntervalMs = 300,
        };
    }

    /// <summary>Stops the cluster; clients still connected see their brokers disappear.</summary>
    public void Dispose()
    {
        Running.TryRemove(new(BootstrapServers, this));
        IntPtr cluster;
        IntPtr client;
        lock (_gate)
        {
            cluster = _cluster;
            client = _client;
            _cluster = IntPtr.Zero;
            _client = IntPtr.Zero;
        }

        if (cluster != IntPtr.Zero)
        {
            MockClusterNative.ClusterDestroy(cluster);
        }

        if (client != IntPtr.Zero)
        {
            MockClusterNative.KafkaDestroy(client);
        }
    }

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override string ToString() => $"EmbeddedKafka({BrokerCount} broker(s) at {BootstrapServers})";

    private static IntPtr CreateHostClient(int logLevel)
    {
        var errorText = new byte[ErrorTextSize];
        var conf = MockClusterNative.ConfNew();
        Set("client.id", "contracts-embedded-kafka");
        Set("log_level", logLevel.ToString(CultureInfo.InvariantCulture));
        var client = MockClusterNative.KafkaNew(MockClusterNative.ProducerClientType, conf, errorText, ErrorTextSize);
        if (client == IntPtr.Zero)
        {
            MockClusterNative.ConfDestroy(conf);
            throw new EmbeddedKafkaException($"librdkafka refused to create the handle that hosts the mock cluster: {Text(errorText)}");
        }

        return client;

        void Set(string name, string value)
        {
            if (MockClusterNative.ConfSet(conf, name, value, errorText, ErrorTextSize) != MockClusterNative.ConfigurationOk)
            {
                MockClusterNative.ConfDestroy(conf);
                throw new EmbeddedKafkaException($"librdkafka refused '{name}={value}': {Text(errorText)}");
            }
        }
    }

    private static string Text(byte[] nulTerminated)
    {
        var length = Array.IndexOf(nulTerminated, (byte)0);
        return Encoding.UTF8.GetString(nulTerminated, 0, length < 0 ? nulTerminated.Length : length);
    }

    private static int Milliseconds(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero || value.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(name, value, "Use a non-negative duration below 24 days.");
        }

        return (int)value.TotalMilliseconds;
    }

    private static void Check(string operation, int error)
    {
        if (error != (int)ErrorCode.NoError)
        {
            throw new EmbeddedKafkaException(operation, (ErrorCode)error);
        }
    }

    private void CheckBrokerId(int brokerId)
    {
        if (brokerId < 1 || brokerId > BrokerCount)
        {
            throw new ArgumentOutOfRangeException(nameof(brokerId), brokerId, $"Broker ids are 1 to {BrokerCount}.");
        }
    }

    private IntPtr ClusterHandle()
    {
        var cluster = Volatile.Read(ref _cluster);
        ObjectDisposedException.ThrowIf(cluster == IntPtr.Zero, this);
        return cluster;
    }
}
