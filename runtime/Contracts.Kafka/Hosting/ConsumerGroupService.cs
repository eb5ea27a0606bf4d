using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Kafka.Consuming;
using Contracts.Kafka.Retries;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Contracts.Hosting;

/// <summary>
/// Runs one consumer group for the lifetime of the host, on a thread of its own. Stopping the host drains it
/// (pending batch handled, offsets committed, group left); if the host's shutdown timeout passes first, handlers see
/// their cancellation token fire and the consumer is abandoned without a final commit.
/// </summary>
internal sealed class ConsumerGroupService(
    ConsumerGroupDefinition definition,
    IOptionsMonitor<ConsumerGroupOptions> groupOptions,
    IOptions<KafkaOptions> kafkaOptions,
    IServiceProvider services,
    ILoggerFactory loggers,
    TimeProvider time) : BackgroundService
{
    private readonly CancellationTokenSource _abort = new();
    private readonly ILogger _logger = loggers.CreateLogger("Contracts.Kafka.Consumer." + definition.Name);
    private ConsumerGroupWorker? _worker;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Bad settings or handler registrations fail the host's start with OptionsValidationException, not later;
        // so does a cluster that refuses the group's retry and dead-letter topics (TopicCreationException).
        var options = groupOptions.Get(definition.Name);
        var kafka = kafkaOptions.Value;
        var worker = new ConsumerGroupWorker(definition, options, kafka, services, _logger, time);
        try
        {
            var clientProperties = new Dictionary<string, string>(kafka.Properties, StringComparer.Ordinal)
            {
                ["bootstrap.servers"] = options.BootstrapServers ?? kafka.BootstrapServers ?? string.Empty,
            };
            await RetryTopicProvisioner.EnsureAsync(worker.GroupId, options, clientProperties, _logger, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            worker.Dispose();
            throw;
        }

        _worker = worker;
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var worker = _worker!;
        return Task.Factory.StartNew(
            () =>
            {
                try
                {
                    worker.Run(stoppingToken, _abort.Token);
                }
                catch (Exception error)
                {
                    ConsumerLog.Failed(_logger, error, worker.GroupId);
                    throw;
                }
                finally
                {
                    worker.Dispose();
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        using var abortOnTimeout = cancellationToken.Register(static state => ((CancellationTokenSource)state!).Cancel(), _abort);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }
}
