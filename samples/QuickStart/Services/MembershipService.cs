using System;
using System.Threading;
using System.Threading.Tasks;
using Contracts.Hosting;
using Contracts.Kafka.Consuming;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QuickStart.People;

namespace QuickStart.Services;

/// <summary>
/// The consuming service: it was built against <see cref="PersonV2"/> only. Messages still written as
/// <see cref="PersonV1"/> reach the same handler through an upcast; its topics, retries and dead letters come from
/// appsettings.json (Contracts:Kafka:Consumers:membership).
/// </summary>
internal static class MembershipService
{
    public static IHost Build(string[] args, string bootstrapServers, Welcomed welcomed)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration["Contracts:Kafka:BootstrapServers"] = bootstrapServers;
        builder.Services.AddSingleton(welcomed);
        builder.Services.AddContracts(contracts => contracts.AddKafka(kafka => kafka
            .AddConsumer("membership", consumer => consumer
                .AddHandler<PersonV2, WelcomeHandler>(older => older.From<PersonV1>(Upcast)))));
        return builder.Build();
    }

    /// <summary>What v2 knows that v1 did not is filled with neutral values.</summary>
    private static PersonV2 Upcast(PersonV1 person)
    {
        var space = person.Name.LastIndexOf(' ');
        var (first, last) = space < 0 ? (person.Name, string.Empty) : (person.Name[..space], person.Name[(space + 1)..]);
        return new PersonV2(person.Id, first, last, MembershipLevel.Free, 0m, DateTimeOffset.UnixEpoch, [], person.Email);
    }
}

/// <summary>Counts the people the membership service welcomed, so the quick start knows when it is done.</summary>
internal sealed class Welcomed(int expected)
{
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;

    public Task All => _all.Task;

    public void One()
    {
        if (Interlocked.Increment(ref _count) == expected)
        {
            _all.TrySetResult();
        }
    }
}

internal sealed class WelcomeHandler(Welcomed welcomed) : IMessageHandler<PersonV2>
{
    public ValueTask HandleAsync(PersonV2 person, MessageContext context, CancellationToken cancellationToken)
    {
        Console.WriteLine(
            $"membership    got person v{context.Version} from {context.Topic}[{context.Partition}]@{context.Offset} as {nameof(PersonV2)}: " +
            $"first name '{person.FirstName}', last name '{person.LastName}', level {person.Level}");
        welcomed.One();
        return ValueTask.CompletedTask;
    }
}
