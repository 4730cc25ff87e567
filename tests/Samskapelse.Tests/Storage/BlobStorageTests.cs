using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json.Linq;
using Samskapelse.Bot.Storage;
using Samskapelse.Tests.Support;

namespace Samskapelse.Tests.Storage;

/// <summary>The storage contract on Azure Blob Storage (Azurite), each test in its own container.</summary>
[Collection(AzuriteTests.Name)]
public sealed class BlobStorageContractTests(AzuriteFixture azurite) : StorageContractTests, IAsyncLifetime
{
    private readonly string container = azurite.NewContainerName("contract");

    protected override IStorage Storage => field ??= new BlobStorage(azurite.Container(container), NullLogger<BlobStorage>.Instance);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => azurite.Container(container).DeleteIfExistsAsync();

    [Fact]
    public async Task TwoStoreInstances_OnOneContainer_SeeEachOthersWrites_AndTheirETags()
    {
        var other = new BlobStorage(azurite.Container(container), NullLogger<BlobStorage>.Instance);
        await Storage.WriteAsync(new Dictionary<string, object> { ["shared"] = new JObject { ["by"] = "first" } });

        var seen = JObject.FromObject((await other.ReadAsync(["shared"]))["shared"]);
        await other.WriteAsync(new Dictionary<string, object> { ["shared"] = new JObject { ["by"] = "second" } });

        Assert.Equal("first", (string?)seen["by"]);
        Assert.Equal("second", (string?)JObject.FromObject((await Storage.ReadAsync(["shared"]))["shared"])["by"]);
    }

    [Fact]
    public async Task PlainValues_ReadBackWithoutAnETagField_SoBotStateKeepsItsOwnShape()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["state"] = new JObject { ["planning"] = new JObject { ["Step"] = "Question1" } } });
        var value = (JObject)(await Storage.ReadAsync(["state"]))["state"];
        Assert.Equal(["planning"], value.Properties().Select(p => p.Name));
    }

    [Fact]
    public async Task Listing_GivesTheServersWriteTime_ToTheSecond()
    {
        // Blob Storage stamps Last-Modified with its own clock, to the second.
        var tolerance = TimeSpan.FromSeconds(5);
        var before = DateTimeOffset.UtcNow;
        await Storage.WriteAsync(new Dictionary<string, object> { ["retention/a"] = new JObject() });
        var after = DateTimeOffset.UtcNow;

        var listed = Assert.Single(await Listing.ListAsync("retention/").ToListAsync());

        Assert.InRange(listed.LastWritten, before - tolerance, after + tolerance);
    }
}
