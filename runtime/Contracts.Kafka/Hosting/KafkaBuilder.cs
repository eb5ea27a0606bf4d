using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Contracts.Kafka;
using Contracts.Kafka.Consuming;
using Contracts.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Contracts.Hosting;

/// <summary>
/// Configures the Kafka transport: shared client settings (<see cref="KafkaOptions"/>, bound from
/// <c>Contracts:Kafka</c> of the application's configuration) and hosted consumer groups.
/// </summary>
public sealed class KafkaBuilder
{
    private readonly HashSet<string> _consumerNames = new(StringComparer.Ordinal);

    internal KafkaBuilder(IServiceCollection services)
    {
        Services = services;
        services.AddOptions<KafkaOptions>()
            .Configure<IServiceProvider>((options, provider) =>
            {
                if (BoundSection(provider) is { } section)
                {
                    section.Bind(options);
                }
            });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KafkaOptions>, KafkaOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConsumerGroupOptions>, ConsumerGroupOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
    }

    /// <summary>The service collection being configured.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// The section Kafka settings are read from; by default <see cref="KafkaOptions.SectionName"/> of the
    /// <see cref="IConfiguration"/> registered in the container (appsettings.json, environment, …).
    /// </summary>
    internal IConfiguration? Section { get; private set; }

    /// <summary>Reads settings from <paramref name="section"/> instead of <c>Contracts:Kafka</c> of the registered configuration.</summary>
    public KafkaBuilder BindConfiguration(IConfiguration section)
    {
        Section = section ?? throw new ArgumentNullException(nameof(section));
        return this;
    }

    /// <summary>Adjusts the shared settings in code, after configuration was bound.</summary>
    public KafkaBuilder Configure(Action<KafkaOptions> configure)
    {
        Services.Configure(configure);
        return this;
    }

    /// <summary>
    /// Registers one <see cref="KafkaMessageProducer"/> for the application, as itself and as
    /// <see cref="IMessageProducer"/>, configured from <see cref="KafkaOptions"/> (bootstrap servers and properties)
    /// and then <paramref name="configure"/>; the container disposes it (flushing queued messages) at shutdown.
    /// </summary>
    public KafkaBuilder AddProducer(Action<KafkaProducerConfig>? configure = null)
    {
        Services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<KafkaOptions>>().Value;
            var config = new KafkaProducerConfig(new Dictionary<string, string>(options.Properties, StringComparer.Ordinal));
            if (!string.IsNullOrWhiteSpace(options.BootstrapServers))
            {
                config.BootstrapServers = options.BootstrapServers;
            }

            configure?.Invoke(config);
            if (string.IsNullOrWhiteSpace(config.BootstrapServers))
            {
                throw new OptionsValidationException(
                    Options.DefaultName,
                    typeof(KafkaOptions),
                    [$"{KafkaOptions.SectionName}:{KafkaOptions.BootstrapServersKey} is required by the producer: the host:port list of the Kafka brokers."]);
            }

            return new KafkaMessageProducer(config, provider.GetService<ILogger<KafkaMessageProducer>>());
        });
        Services.TryAddSingleton<IMessageProducer>(static provider => provider.GetRequiredService<KafkaMessageProducer>());
        return this;
    }

    /// <summary>
    /// Registers the generated topic class <typeparamref name="TTopic"/> (a <c>[Topic]</c> partial class) as a
    /// singleton over the application's <see cref="IMessageProducer"/>, adding the producer if needed.
    /// </summary>
    public KafkaBuilder AddTopic<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TTopic>()
        where TTopic : class, IMessageTopic
    {
        AddProducer();
        Services.TryAddSingleton<TTopic>();
        return this;
    }

    /// <summary>
    /// Adds a hosted consumer group named <paramref name="name"/> (its group id unless configured otherwise), with
    /// settings bound from <c>Contracts:Kafka:Consumers:&lt;name&gt;</c> and handlers registered by <paramref name="configure"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A consumer group of that name was added already.</exception>
    public KafkaBuilder AddConsumer(string name, Action<ConsumerGroupBuilder> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        if (!_consumerNames.Add(name))
        {
            throw new ArgumentException($"A consumer group named '{name}' was added already.", nameof(name));
        }

        var definition = new ConsumerGroupDefinition(name);
        Services.AddOptions<ConsumerGroupOptions>(name)
            .Configure<IServiceProvider>((options, provider) =>
            {
                if (BoundSection(provider) is { } section)
                {
                    section.GetSection("Consumers").GetSection(name).Bind(options);
                }
            })
            .ValidateOnStart();
        Services.AddSingleton(definition);
        configure(new ConsumerGroupBuilder(Services, definition));
        Services.AddSingleton<IHostedService>(provider => new ConsumerGroupService(
            definition,
            provider.GetRequiredService<IOptionsMonitor<ConsumerGroupOptions>>(),
            provider.GetRequiredService<IOptions<KafkaOptions>>(),
            provider,
            provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
            provider.GetRequiredService<TimeProvider>()));
        return this;
    }

    private IConfiguration? BoundSection(IServiceProvider provider) =>
        Section ?? provider.GetService<IConfiguration>()?.GetSection(KafkaOptions.SectionName);
}

/// <summary>Adds the Kafka transport to Contracts.</summary>
public static class KafkaContractsBuilderExtensions
{
    /// <summary>Adds Kafka clients configured by <paramref name="configure"/>.</summary>
    public static ContractsBuilder AddKafka(this ContractsBuilder builder, Action<KafkaBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        configure(new KafkaBuilder(builder.Services));
        return builder;
    }
}
