using System;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QuickStart.People;

namespace QuickStart.Services;

/// <summary>
/// The producing service: an older registration service that still publishes <see cref="PersonV1"/>, next to a newer
/// sign-up path that already publishes <see cref="PersonV2"/>.
/// </summary>
internal sealed class RegistrationService(PeopleTopic people) : BackgroundService
{
    public static IHost Build(string[] args, string bootstrapServers)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration["Contracts:Kafka:BootstrapServers"] = bootstrapServers;
        builder.Services.AddContracts(contracts => contracts.AddKafka(kafka => kafka.AddTopic<PeopleTopic>()));
        builder.Services.AddHostedService<RegistrationService>();
        return builder.Build();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var ada = new PersonV1(new Guid("2f8e4c1a-9b7d-4e6f-8a3c-5d1b0e9f7a24"), "Ada Lovelace", "ada@example.org");
        var sent = await people.ProduceAsync(ada, stoppingToken);
        Console.WriteLine($"registration  sent person v1 '{ada.Name}' to {sent.Topic}[{sent.Partition}]@{sent.Offset}");

        var grace = new PersonV2(
            new Guid("7b1d9e30-5c2a-4f8b-9d61-0a3e4f5b6c7d"), "Grace", "Hopper", MembershipLevel.Premium, 1906.12m,
            new DateTimeOffset(2024, 5, 2, 8, 0, 0, TimeSpan.Zero), [new Address("Navy Yard", "Arlington", "US")]);
        sent = await people.ProduceAsync(grace, stoppingToken);
        Console.WriteLine($"registration  sent person v2 '{grace.FirstName} {grace.LastName}' to {sent.Topic}[{sent.Partition}]@{sent.Offset}");
    }
}
