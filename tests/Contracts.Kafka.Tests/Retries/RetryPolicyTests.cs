using System;
using System.IO;
using System.Linq;
using Contracts.Kafka.Retries;
using Xunit;

namespace Contracts.Kafka.Tests.Retries;

public sealed class RetryPolicyTests
{
    [Fact]
    public void Without_rules_every_exception_is_retried()
    {
        var policy = new RetryPolicy();

        Assert.True(policy.ShouldRetry(new InvalidOperationException()));
        Assert.True(policy.ShouldRetry(new TimeoutException()));
    }

    [Fact]
    public void Inclusions_retry_only_their_types_and_subtypes_and_exclusions_win()
    {
        var policy = new RetryPolicy().Include<IOException>().Include<TimeoutException>().Exclude<FileNotFoundException>();

        Assert.True(policy.ShouldRetry(new IOException()));
        Assert.True(policy.ShouldRetry(new EndOfStreamException()));
        Assert.True(policy.ShouldRetry(new TimeoutException()));
        Assert.False(policy.ShouldRetry(new FileNotFoundException()));
        Assert.False(policy.ShouldRetry(new InvalidOperationException()));
    }

    [Fact]
    public void Exclusions_alone_retry_everything_else()
    {
        var policy = new RetryPolicy().Exclude<ArgumentException>();

        Assert.False(policy.ShouldRetry(new ArgumentNullException("x")));
        Assert.True(policy.ShouldRetry(new TimeoutException()));
    }

    [Fact]
    public void Backoff_grows_exponentially_from_the_initial_delay_and_is_capped()
    {
        var options = new RetryOptions { InitialDelay = TimeSpan.FromMilliseconds(250), Multiplier = 3, MaxDelay = TimeSpan.FromSeconds(5) };

        Assert.Equal(
            [TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(750), TimeSpan.FromMilliseconds(2250), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)],
            new[] { 1, 2, 3, 4, 30 }.Select(options.DelayBefore));
    }
}
