using System;
using System.Runtime.InteropServices;

namespace Contracts.Kafka.Native;

/// <summary>
/// librdkafka's client handle and mock cluster API (rdkafka.h, rdkafka_mock.h of librdkafka 2.16.0, pinned exactly).
/// Error returns are <c>rd_kafka_resp_err_t</c>, whose values are Confluent.Kafka's <see cref="Confluent.Kafka.ErrorCode"/>.
/// Call <see cref="LibrdkafkaLibrary.EnsureBound"/> first.
/// </summary>
internal static partial class MockClusterNative
{
    public const int ProducerClientType = 0;

    public const int ConfigurationOk = 0;

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_conf_new")]
    public static partial IntPtr ConfNew();

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_conf_destroy")]
    public static partial void ConfDestroy(IntPtr conf);

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_conf_set", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ConfSet(IntPtr conf, string name, string value, byte[] errorText, nuint errorTextSize);

    /// <summary>Takes ownership of <paramref name="conf"/> on success only.</summary>
    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_new")]
    public static partial IntPtr KafkaNew(int clientType, IntPtr conf, byte[] errorText, nuint errorTextSize);

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_destroy")]
    public static partial void KafkaDestroy(IntPtr client);

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_mock_cluster_new")]
    public static partial IntPtr ClusterNew(IntPtr client, int brokerCount);

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_mock_cluster_destroy")]
    public static partial void ClusterDestroy(IntPtr cluster);

    /// <summary>Returns a string owned by the cluster.</summary>
    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_mock_cluster_bootstraps")]
    public static partial IntPtr ClusterBootstraps(IntPtr cluster);

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_mock_topic_create", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int TopicCreate(IntPtr cluster, string topic, int partitionCount, int replicationFactor);

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_mock_topic_delete", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int TopicDelete(IntPtr cluster, string topic);

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_mock_topic_set_error", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void TopicSetError(IntPtr cluster, string topic, int error);

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_mock_partition_set_leader", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int PartitionSetLeader(IntPtr cluster, string topic, int partition, int brokerId);

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_mock_broker_set_down")]
    public static partial int BrokerSetDown(IntPtr cluster, int brokerId);

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_mock_broker_set_up")]
    public static partial int BrokerSetUp(IntPtr cluster, int brokerId);

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_mock_broker_set_rtt")]
    public static partial int BrokerSetRtt(IntPtr cluster, int brokerId, int rttMs);

    /// <summary>The non-variadic form of <c>rd_kafka_mock_push_request_errors</c> (variadic calls are not portable through P/Invoke).</summary>
    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_mock_push_request_errors_array")]
    public static partial void PushRequestErrorsArray(IntPtr cluster, short apiKey, nuint count, int[] errors);

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_mock_clear_request_errors")]
    public static partial void ClearRequestErrors(IntPtr cluster, short apiKey);

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_mock_group_initial_rebalance_delay_ms")]
    public static partial void GroupInitialRebalanceDelayMs(IntPtr cluster, int delayMs);

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_mock_set_controller_id")]
    public static partial void SetControllerId(IntPtr cluster, int controllerId);

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_mock_set_group_consumer_session_timeout_ms")]
    public static partial void SetGroupConsumerSessionTimeoutMs(IntPtr cluster, int sessionTimeoutMs);

    [LibraryImport(LibrdkafkaLibrary.Name, EntryPoint = "rd_kafka_mock_set_group_consumer_heartbeat_interval_ms")]
    public static partial void SetGroupConsumerHeartbeatIntervalMs(IntPtr cluster, int heartbeatIntervalMs);
}
