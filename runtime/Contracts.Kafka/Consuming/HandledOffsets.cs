using System;
using System.Collections.Generic;
using System.Threading;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Contracts.Kafka.Consuming;

/// <summary>
/// The offset to resume from in each partition: the one after the last message that was done with (handled, forwarded
/// to a retry topic or dead-lettered). The consumer loop only records it; the offsets reach librdkafka's offset store
/// in batches, from a timer and on revocation and shutdown, and librdkafka commits what is stored.
/// </summary>
/// <remarks>
/// Storing per message cost a native partition list and about 370 managed bytes per message. The timer, rather than
/// the loop, stores so that a handler that runs long holds back neither the commit of messages handled before it in
/// its own partition nor that of other partitions. Only offsets of messages that were done with are ever recorded,
/// so a store never runs ahead of the handlers (at-least-once).
/// </remarks>
internal sealed class HandledOffsets : IDisposable
{
    private readonly IConsumer<byte[]?, byte[]?> _consumer;
    private readonly ILogger _logger;
    private readonly string _group;
    private readonly ITimer _timer;

    // Guarded by itself; also serialises stores, so none runs after Dispose.
    private readonly Dictionary<TopicPartition, PartitionProgress> _partitions = [];
    private bool _timerStopped;
    private bool _disposed;

    // The loop thread's last partition: consecutive messages mostly come from one partition's fetched batch.
    private PartitionProgress? _recent;

    public HandledOffsets(IConsumer<byte[]?, byte[]?> consumer, TimeSpan storeInterval, TimeProvider time, ILogger logger, string group)
    {
        _consumer = consumer;
        _logger = logger;
        _group = group;
        _timer = time.CreateTimer(static state => ((HandledOffsets)state!).Store(fromTimer: true), this, storeInterval, storeInterval);
    }

    /// <summary>
    /// How often handled offsets are stored for a group committing every <paramref name="commitInterval"/>: a fraction
    /// of it, so that a commit carries work at most this much older than the commit itself.
    /// </summary>
    public static TimeSpan StoreIntervalFor(TimeSpan commitInterval)
    {
        var half = commitInterval / 2;
        var most = TimeSpan.FromMilliseconds(100);
        var least = TimeSpan.FromMilliseconds(5);
        return half > most ? most : half < least ? least : half;
    }

    /// <summary>Records that <paramref name="result"/> was done with. Consumer loop thread only.</summary>
    public void Done(ConsumedRecord result)
    {
        var partition = result.Partition;
        var progress = _recent;
        if (progress is null || progress.Partition != partition || !string.Equals(progress.Topic, result.Topic, StringComparison.Ordinal))
        {
            _recent = progress = ProgressOf(result.Topic, partition);
        }

        progress.Advance(result.Offset + 1, result.LeaderEpoch);
    }

    /// <summary>Stores every offset recorded since the last store. Any thread.</summary>
    public void Store() => Store(fromTimer: false);

    /// <summary>
    /// Ends the periodic stores (waiting for one in progress) before the consumer closes; <see cref="Store()"/> still
    /// works for the final revocation.
    /// </summary>
    public void StopTimer()
    {
        _timer.Dispose();
        lock (_partitions)
        {
            _timerStopped = true;
        }
    }

    private void Store(bool fromTimer)
    {
        lock (_partitions)
        {
            if (_disposed || (fromTimer && _timerStopped))
            {
                return;
            }

            foreach (var progress in _partitions.Values)
            {
                if (progress.Unstored() is { } offset && TryStore(offset))
                {
                    progress.Stored(offset.Offset.Value);
                }
            }
        }
    }

    /// <summary>Drops revoked or lost partitions: what was not stored by now is their next owner's to handle again.</summary>
    public void Forget(IEnumerable<TopicPartition> partitions)
    {
        lock (_partitions)
        {
            foreach (var partition in partitions)
            {
                _partitions.Remove(partition);
            }
        }

        _recent = null;
    }

    public void Dispose()
    {
        lock (_partitions)
        {
            _disposed = true;
        }

        _timer.Dispose();
    }

    private PartitionProgress ProgressOf(string topic, int partition)
    {
        var key = new TopicPartition(topic, partition);
        lock (_partitions)
        {
            if (!_partitions.TryGetValue(key, out var progress))
            {
                _partitions[key] = progress = new PartitionProgress(topic, partition);
            }

            return progress;
        }
    }

    /// <summary>False when the store should be tried again later.</summary>
    private bool TryStore(TopicPartitionOffset offset)
    {
        try
        {
            _consumer.StoreOffset(offset);
            return true;
        }
        catch (KafkaException error) when (error.Error.Code == ErrorCode.Local_State)
        {
            // Revoked meanwhile: its new owner starts from the last commit and reads these messages again.
            return true;
        }
        catch (KafkaException error)
        {
            // Called from a timer too: report it and retry with the next store rather than end the process.
            ConsumerLog.ConsumeError(_logger, _group, $"cannot store offset {offset}: {error.Error}");
            return false;
        }
    }

    /// <summary>One partition's next offset, written by the consumer loop and read by whoever stores.</summary>
    private sealed class PartitionProgress(string topic, int partition)
    {
        private readonly Lock _gate = new();
        private long _next = Offset.Unset.Value;
        private int? _leaderEpoch;
        private long _stored = Offset.Unset.Value;

        public string Topic { get; } = topic;

        public int Partition { get; } = partition;

        public void Advance(long next, int? leaderEpoch)
        {
            lock (_gate)
            {
                _next = next;
                _leaderEpoch = leaderEpoch;
            }
        }

        public TopicPartitionOffset? Unstored()
        {
            lock (_gate)
            {
                return _next == _stored ? null : new TopicPartitionOffset(Topic, Partition, _next, _leaderEpoch);
            }
        }

        public void Stored(long next)
        {
            lock (_gate)
            {
                _stored = next;
            }
        }
    }
}
