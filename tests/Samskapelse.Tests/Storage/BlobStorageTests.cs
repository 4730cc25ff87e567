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
}

/// <summary>Key listing on Azure Blob Storage (Azurite).</summary>
[Collection(AzuriteTests.Name)]
public sealed class BlobStorageKeyListingTests(AzuriteFixture azurite) : StorageKeyListingContractTests, IAsyncLifetime
{
    private readonly string container = azurite.NewContainerName("listing");

    protected override IStorage Storage => Store;

    protected override IStorageKeyListing Listing => Store;

    private BlobStorage Store => field ??= new BlobStorage(azurite.Container(container), NullLogger<BlobStorage>.Instance);

    // Blob Storage stamps Last-Modified with its own clock, to the second.
    protected override TimeSpan ClockTolerance => TimeSpan.FromSeconds(5);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => azurite.Container(container).DeleteIfExistsAsync();
}
