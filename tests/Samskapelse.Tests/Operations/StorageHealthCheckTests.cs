using Microsoft.Bot.Builder;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Samskapelse.Bot.Operations;
using Samskapelse.Tests.Assistant;

namespace Samskapelse.Tests.Operations;

public sealed class StorageHealthCheckTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private static StorageHealthCheck Check(IStorage storage, TimeProvider time) =>
        new(storage, Options.Create(new HealthOptions { ReadyTimeout = Timeout }), time, NullLogger<StorageHealthCheck>.Instance);

    private static HealthCheckContext Context(IHealthCheck check) =>
        new() { Registration = new HealthCheckRegistration(StorageHealthCheck.Name, check, HealthStatus.Unhealthy, null) };

    [Fact]
    public async Task AMissingProbeKey_IsAHealthyAnswer()
    {
        var check = Check(new MemoryStorage(), TimeProvider.System);

        var result = await check.CheckHealthAsync(Context(check));

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Fact]
    public async Task AStoreThatNeverAnswers_IsUnhealthy_WhenTheTimeoutPassesOnTheTimeProvider()
    {
        var time = new SignalingTimeProvider();
        var check = Check(new FaultyStorage(new MemoryStorage(), FaultyStorage.Fault.Hangs), time);

        var checking = check.CheckHealthAsync(Context(check));
        await time.TimerArmedAsync(Timeout);
        Assert.False(checking.IsCompleted);
        time.Advance(Timeout);
        var result = await checking.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Null(result.Exception);
    }

    [Fact]
    public async Task AStoreThatThrows_IsUnhealthy_NamingOnlyTheExceptionType()
    {
        var check = Check(new FaultyStorage(new MemoryStorage(), FaultyStorage.Fault.Throws), TimeProvider.System);

        var result = await check.CheckHealthAsync(Context(check));

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.DoesNotContain(FaultyStorage.SecretInMessage, result.Description, StringComparison.Ordinal);
        Assert.Null(result.Exception);
    }
}
