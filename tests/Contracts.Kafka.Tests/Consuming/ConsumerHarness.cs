using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Confluent.Kafka;
using Contracts.Hosting;
using Contracts.Kafka.Consuming;
using Contracts.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Contracts.Kafka.Tests.Consuming;

/// <summary>
/// An embedded cluster, a producer and hosted consumer groups tuned for tests (3 s sessions, 300 ms heartbeats,
/// commits every 200 ms), plus the raw reads tests check the broker with.
/// </summary>
internal sealed class ConsumerHarness : IAsyncDisposable
{
    private readonly List<IHost> _hosts = [];

    private ConsumerHarness(EmbeddedKafka kafka)
    {
        Kafka = kafka;
        Producer = new KafkaMessageProducer(new KafkaProducerConfig { BootstrapServers = kafka.BootstrapServers, LingerMs = 1 });
    }

    public EmbeddedKafka Kafka { get; }

    public KafkaMessageProducer Producer { get; }

    public static ConsumerHarness Start(params EmbeddedTopic[] topics)
    {
        var options = new EmbeddedKafkaOptions();
        foreach (var topic in topics)
        {
            options.Topics.Add(topic);
        }

        return Start(options);
    }

    public static ConsumerHarness Start(EmbeddedKafkaOptions options) => new(EmbeddedKafka.Start(options));

    public static void FastGroup(ConsumerGroupOptions options)
    {
        options.Properties["session.timeout.ms"] = "3000";
        options.Properties["heartbeat.interval.ms"] = "300";
        options.Properties["fetch.wait.max.ms"] = "20";
        options.CommitInterval = TimeSpan.FromMilliseconds(200);
        options.BatchLinger = TimeSpan.FromMilliseconds(20);
    }

    /// <summary>Builds and starts a host running consumer group <paramref name="group"/>.</summary>
    public async Task<IHost> StartConsumerAsync(string group, Action<ConsumerGroupBuilder> configure, Action<IServiceCollection>? services = null)
    {
        var host = BuildHost(group, configure, services);
        await host.StartAsync();
        return host;
    }

    public IHost BuildHost(string group, Action<ConsumerGroupBuilder> configure, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddContracts(contracts => contracts.AddKafka(kafka => kafka
            .Configure(options => options.BootstrapServers = Kafka.BootstrapServers)
            .AddConsumer(group, consumer =>
            {
                consumer.Configure(FastGroup);
                configure(consumer);
            })));
        services?.Invoke(builder.Services);
        var host = builder.Build();
        _hosts.Add(host);
        return host;
    }

    public Task<ProduceResult> ProduceAsync<T>(string topic, T message, WireFormat format = WireFormat.Avro)
        where T : IMessageContract<T> =>
        Producer.ProduceAsync(new TopicDescriptor(topic, format, [T.Descriptor]), message).AsTask();

    public async Task<DeliveryResult<byte[]?, byte[]?>> ProduceRawAsync(string topic, byte[]? key, byte[]? value, params (string Name, string Value)[] headers)
    {
        using var producer = new ProducerBuilder<byte[]?, byte[]?>(new ProducerConfig { BootstrapServers = Kafka.BootstrapServers }).Build();
        var message = new Message<byte[]?, byte[]?> { Key = key, Value = value, Headers = [] };
        foreach (var (name, text) in headers)
        {
            message.Headers.Add(name, System.Text.Encoding.UTF8.GetBytes(text));
        }

        return await producer.ProduceAsync(topic, message);
    }

    /// <summary>The group's committed offsets, read without joining it (-1001 when none).</summary>
    public long[] Committed(string group, string topic, int partitions)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = Kafka.BootstrapServers, GroupId = group }).Build();
        var committed = consumer.Committed(Enumerable.Range(0, partitions).Select(p => new TopicPartition(topic, p)), TimeSpan.FromSeconds(10));
        return committed.OrderBy(c => c.Partition.Value).Select(c => c.Offset.Value).ToArray();
    }

    public List<ConsumeResult<byte[]?, byte[]?>> ReadAll(string topic, int partitions, int expected, TimeSpan? timeout = null) =>
        Support.RawTopicReader.ReadAll(Kafka.BootstrapServers, topic, partitions, expected, timeout);

    /// <summary>Waits for <paramref name="condition"/>, failing with <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task WaitUntil(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Timed out waiting until " + what);
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await host.StopAsync(timeout.Token);
            }
            catch (Exception) when (timeout.IsCancellationRequested)
            {
            }

            host.Dispose();
        }

        await Producer.DisposeAsync();
        await Kafka.DisposeAsync();
    }
}

/// <summary>What handlers saw, in the order they saw it.</summary>
internal sealed class Received<T>
{
    private readonly ConcurrentQueue<(T Message, MessageContext Context)> _items = new();

    public int Count => _items.Count;

    public IReadOnlyList<(T Message, MessageContext Context)> Items => [.. _items];

    public ValueTask Add(T message, MessageContext context, CancellationToken cancellationToken)
    {
        _items.Enqueue((message, context));
        return ValueTask.CompletedTask;
    }

    public void Record(T message, MessageContext context) => _items.Enqueue((message, context));
}
