using System;
using Microsoft.Extensions.DependencyInjection;

namespace Contracts.Hosting;

/// <summary>
/// Configures Contracts in a service collection; transports add themselves through extension methods
/// (<c>AddKafka</c>). Returned by <see cref="ContractsServiceCollectionExtensions.AddContracts"/>.
/// </summary>
public sealed class ContractsBuilder
{
    internal ContractsBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection being configured.</summary>
    public IServiceCollection Services { get; }
}

/// <summary>The entry point: <c>services.AddContracts(contracts =&gt; contracts.AddKafka(...))</c>.</summary>
public static class ContractsServiceCollectionExtensions
{
    /// <summary>Adds Contracts and lets <paramref name="configure"/> add transports, consumers and handlers.</summary>
    public static IServiceCollection AddContracts(this IServiceCollection services, Action<ContractsBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        configure(new ContractsBuilder(services));
        return services;
    }
}
