using System;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Kafka.Consuming;
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

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Bad settings or handler registrations fail the host's start with OptionsValidationException, not later.
        _worker = new ConsumerGroupWorker(definition, groupOptions.Get(definition.Name), kafkaOptions.Value, services, _logger, time);
        return base.StartAsync(cancellationToken);
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
