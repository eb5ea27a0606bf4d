using System;
using System.Collections.Generic;
using System.Threading;
using Confluent.Kafka;

namespace Contracts.Kafka.Consuming;

/// <summary>
/// Pause, seek and resume requests of the processing thread, carried out by the polling thread between two
/// <c>Consume</c> calls so that one thread alone drives the Confluent consumer; and the bookkeeping that tells which
/// consumed messages a seek made stale.
/// </summary>
/// <remarks>
/// Requests are numbered in the order they are made. The polling thread stamps each message it consumes with the
/// number of the last request it had carried out (<see cref="Stamp"/>). A message of partition P stamped below the
/// number of P's latest seek was consumed before that seek took effect: the seek delivers it again, so the processing
/// thread drops it (<see cref="IsStale"/>). Messages stamped at or above it were consumed after the seek and are the
/// ones it delivers. Both threads act on a request in the same order, so nothing is handled twice or out of order.
/// </remarks>
internal sealed class PartitionRequests(IPartitionControl consumer, Action<TopicPartition, KafkaException> failed)
{
    private readonly Lock _gate = new();

    // Guarded by _gate: made, not yet carried out.
    private List<Request> _waiting = [];
    private List<Request> _carrying = [];
    private volatile bool _anyWaiting;

    // Processing side (or the polling thread in a rebalance callback, with the processing thread excluded).
    private readonly Dictionary<TopicPartition, long> _staleBefore = [];
    private long _made;
    private long _latestStaling;

    // Polling side.
    private long _carriedOut;

    private enum Kind
    {
        PauseAndSeek,
        SeekAndResume,
        Resume,
    }

    /// <summary>Polling thread: the stamp of a message consumed now.</summary>
    public long Stamp => _carriedOut;

    /// <summary>Stops fetching <paramref name="partition"/> and rewinds it to <paramref name="offset"/>.</summary>
    public void PauseAndSeek(TopicPartition partition, long offset) => Make(Kind.PauseAndSeek, partition, offset, stales: true);

    /// <summary>Rewinds <paramref name="partition"/> to <paramref name="offset"/> and fetches it again.</summary>
    public void SeekAndResume(TopicPartition partition, long offset) => Make(Kind.SeekAndResume, partition, offset, stales: true);

    /// <summary>Fetches a paused <paramref name="partition"/> again from where it was rewound to.</summary>
    public void Resume(TopicPartition partition) => Make(Kind.Resume, partition, 0, stales: false);

    /// <summary>
    /// Processing thread: true when <paramref name="message"/> was consumed before the latest seek of its partition
    /// (or before its partition was revoked) took effect.
    /// </summary>
    public bool IsStale(in ConsumedMessage message)
    {
        if (_staleBefore.Count == 0)
        {
            return false;
        }

        if (message.Stamp >= _latestStaling)
        {
            // Consumed after every seek so far took effect, and so is every message after it.
            _staleBefore.Clear();
            return false;
        }

        return _staleBefore.TryGetValue(message.Record.TopicPartition, out var seek) && message.Stamp < seek;
    }

    /// <summary>
    /// Polling thread, in a rebalance callback while the processing thread is held off: requests for
    /// <paramref name="partitions"/> are dropped, the others carried out now, and every message of
    /// <paramref name="partitions"/> consumed so far becomes stale (a partition assigned again later starts afresh).
    /// </summary>
    public void Revoked(IReadOnlyCollection<TopicPartition> partitions)
    {
        lock (_gate)
        {
            _waiting.RemoveAll(request => Contains(partitions, request.Partition));
        }

        var number = ++_made;
        foreach (var partition in partitions)
        {
            _staleBefore[partition] = number;
        }

        _latestStaling = number;
        CarryOut();

        // The marker needs no action: whatever is consumed from here on was consumed after the revocation.
        _carriedOut = number;
    }

    /// <summary>
    /// Polling thread: carries out the requests made since the last call, in order; one the consumer refuses (the
    /// partition is no longer assigned) goes to the failure callback and the rest are still carried out.
    /// </summary>
    public void CarryOut()
    {
        if (!_anyWaiting)
        {
            return;
        }

        List<Request> requests;
        lock (_gate)
        {
            (requests, _waiting, _carrying) = (_waiting, _carrying, _waiting);
            _anyWaiting = false;
        }

        foreach (var request in requests)
        {
            try
            {
                switch (request.Kind)
                {
                    case Kind.PauseAndSeek:
                        consumer.Pause([request.Partition]);
                        consumer.Seek(new TopicPartitionOffset(request.Partition, request.Offset));
                        break;
                    case Kind.SeekAndResume:
                        consumer.Seek(new TopicPartitionOffset(request.Partition, request.Offset));
                        consumer.Resume([request.Partition]);
                        break;
                    default:
                        consumer.Resume([request.Partition]);
                        break;
                }
            }
            catch (KafkaException error)
            {
                // Not assigned any more: its new owner starts from the committed offset.
                failed(request.Partition, error);
            }

            _carriedOut = request.Number;
        }

        requests.Clear();
    }

    private void Make(Kind kind, TopicPartition partition, long offset, bool stales)
    {
        var number = ++_made;
        if (stales)
        {
            _staleBefore[partition] = number;
            _latestStaling = number;
        }

        lock (_gate)
        {
            _waiting.Add(new Request(kind, partition, offset, number));
            _anyWaiting = true;
        }
    }

    private static bool Contains(IReadOnlyCollection<TopicPartition> partitions, TopicPartition partition)
    {
        foreach (var candidate in partitions)
        {
            if (candidate == partition)
            {
                return true;
            }
        }

        return false;
    }

    private readonly record struct Request(Kind Kind, TopicPartition Partition, long Offset, long Number);
}
