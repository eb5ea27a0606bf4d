using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Contracts.Hosting;
using Contracts.Kafka.Consuming;
using Contracts.Kafka.Retries;
using Contracts.Kafka.Tests.Consuming;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace Contracts.Kafka.Tests.Hosting;

public sealed class OptionsTests
{
    private const string AppSettings = """
        {
          "Contracts": {
            "Kafka": {
              "BootstrapServers": "broker-1:9092,broker-2:9092",
              "Properties": { "client.id": "billing-service" },
              "Consumers": {
                "billing": {
                  "GroupId": "billing-v2",
                  "Topics": {
                    "invoices": { "UnknownMessages": "DeadLetter", "Format": "JsonEnvelope" },
                    "payments.events": { }
                  },
                  "Retry": { "Mode": "NonBlocking", "MaxAttempts": 4, "InitialDelay": "00:00:02", "Multiplier": 3, "MaxDelay": "00:01:00" },
                  "MaxBatchSize": 7,
                  "BatchLinger": "00:00:00.250",
                  "AutoOffsetReset": "Latest",
                  "CommitInterval": "00:00:05",
                  "DirectConsume": false,
                  "Properties": { "session.timeout.ms": "6000" }
                }
              }
            }
          }
        }
        """;

    [Fact]
    public void Settings_are_bound_from_appsettings_json_and_code_adjusts_them_afterwards()
    {
        using var host = Build(AppSettings, consumer => consumer
            .Configure(options => options.MaxBatchSize = 9)
            .AddHandler<OrderPlacedV2>((_, _, _) => ValueTask.CompletedTask));

        var kafka = host.Services.GetRequiredService<IOptions<KafkaOptions>>().Value;
        Assert.Equal("broker-1:9092,broker-2:9092", kafka.BootstrapServers);
        Assert.Equal("billing-service", kafka.Properties["client.id"]);

        var group = host.Services.GetRequiredService<IOptionsMonitor<ConsumerGroupOptions>>().Get("billing");
        Assert.Equal("billing-v2", group.GroupId);
        Assert.Equal(["invoices", "payments.events"], group.Topics.Keys);
        Assert.Equal((UnknownMessagePolicy.DeadLetter, PayloadDetection.JsonEnvelope), (group.Topics["invoices"].UnknownMessages, group.Topics["invoices"].Format));
        Assert.Equal((UnknownMessagePolicy.Fail, PayloadDetection.Auto), (group.Topics["payments.events"].UnknownMessages, group.Topics["payments.events"].Format));
        Assert.Equal((RetryMode.NonBlocking, 4, TimeSpan.FromSeconds(2), 3.0, TimeSpan.FromMinutes(1)), (group.Retry.Mode, group.Retry.MaxAttempts, group.Retry.InitialDelay, group.Retry.Multiplier, group.Retry.MaxDelay));
        Assert.Equal(9, group.MaxBatchSize);
        Assert.Equal(TimeSpan.FromMilliseconds(250), group.BatchLinger);
        Assert.Equal(Confluent.Kafka.AutoOffsetReset.Latest, group.AutoOffsetReset);
        Assert.Equal(TimeSpan.FromSeconds(5), group.CommitInterval);
        Assert.False(group.DirectConsume);
        Assert.True(new ConsumerGroupOptions().DirectConsume);
        Assert.Equal("6000", group.Properties["session.timeout.ms"]);
    }

    [Fact]
    public async Task Invalid_settings_fail_the_host_start_with_every_problem_named_by_its_key()
    {
        const string Broken = """
            { "Contracts": { "Kafka": { "Consumers": { "billing": {
                "Retry": { "Mode": "Blocking", "MaxAttempts": 0, "InitialDelay": "00:00:10", "MaxDelay": "00:00:01", "Multiplier": 0.5 },
                "MaxBatchSize": 0, "BatchLinger": "-00:00:01", "CommitInterval": "00:00:00" } } } } }
            """;
        using var host = Build(Broken, _ => { });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Equal(
            [
                "Contracts:Kafka:BootstrapServers (or Contracts:Kafka:Consumers:billing:BootstrapServers) is required: the host:port list of the Kafka brokers.",
                "Contracts:Kafka:Consumers:billing:Topics is empty: subscribe the consumer group to at least one topic.",
                "Contracts:Kafka:Consumers:billing:Retry:MaxAttempts must be at least 1 (was 0).",
                "Contracts:Kafka:Consumers:billing:Retry: InitialDelay must be zero or more and at most MaxDelay (were 00:00:10 and 00:00:01).",
                "Contracts:Kafka:Consumers:billing:Retry:Multiplier must be at least 1 (was 0.5).",
                "Contracts:Kafka:Consumers:billing:MaxBatchSize must be at least 1 (was 0).",
                "Contracts:Kafka:Consumers:billing:BatchLinger must not be negative (was -00:00:01).",
                "Contracts:Kafka:Consumers:billing:CommitInterval must be positive (was 00:00:00).",
                "Consumer group 'billing' has no handler: call AddHandler or AddBatchHandler in AddConsumer(\"billing\", ...).",
            ],
            error.Failures);
        Assert.Equal("billing", error.OptionsName);
    }

    [Fact]
    public void Adding_a_consumer_group_twice_is_refused()
    {
        var services = new ServiceCollection();
        var error = Assert.Throws<ArgumentException>(() => services.AddContracts(contracts => contracts.AddKafka(kafka => kafka
            .AddConsumer("billing", consumer => consumer.AddHandler<OrderPlacedV2>((_, _, _) => ValueTask.CompletedTask))
            .AddConsumer("billing", consumer => consumer.AddHandler<OrderPlacedV1>((_, _, _) => ValueTask.CompletedTask)))));
        Assert.StartsWith("A consumer group named 'billing' was added already.", error.Message, StringComparison.Ordinal);
    }

    private static IHost Build(string json, Action<ConsumerGroupBuilder> configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        builder.Services.AddContracts(contracts => contracts.AddKafka(kafka => kafka.AddConsumer("billing", configure)));
        return builder.Build();
    }
}
