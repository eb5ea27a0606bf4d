using System;
using Contracts.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using QuickStart;
using QuickStart.Services;

// Part one: what the build made of the contracts in People/.
ContractTour.Run();

// Part two: two services, each its own host, talking over Kafka. With no BootstrapServers configured (the default in
// appsettings.json) they share an in-process broker; set Contracts:Kafka:BootstrapServers (appsettings.json, the
// environment variable Contracts__Kafka__BootstrapServers or --Contracts:Kafka:BootstrapServers=host:9092) to use a
// real cluster instead: nothing else changes.
var configured = new ConfigurationBuilder()
    .SetBasePath(AppContext.BaseDirectory)
    .AddJsonFile("appsettings.json", optional: true)
    .AddEnvironmentVariables()
    .AddCommandLine(args)
    .Build()["Contracts:Kafka:BootstrapServers"];
await using var embedded = string.IsNullOrWhiteSpace(configured)
    // The membership consumer creates its dead-letter topic (membership.people.dlt) itself when it starts.
    ? EmbeddedKafka.Start(new EmbeddedKafkaOptions { Topics = { new EmbeddedTopic("people", 3) } })
    : null;
var bootstrapServers = embedded?.BootstrapServers ?? configured!;
ContractTour.Section(embedded is null ? $"Two services over Kafka at {bootstrapServers}" : "Two services over the embedded Kafka broker");

var welcomed = new Welcomed(expected: 2);
using var membership = MembershipService.Build(args, bootstrapServers, welcomed);
using var registration = RegistrationService.Build(args, bootstrapServers);
await membership.StartAsync();
await registration.StartAsync();
await welcomed.All.WaitAsync(TimeSpan.FromSeconds(60));
await registration.StopAsync();
await membership.StopAsync();
Console.WriteLine("both people welcomed; the membership service committed its offsets and left the group");
