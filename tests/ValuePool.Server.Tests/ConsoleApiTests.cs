using System.Text.Json;

namespace ValuePool.Server.Tests;

/// <summary>What the console's pages need from the API beyond the money: kinds and times of history rows, the wallet's terms.</summary>
public sealed class ConsoleApiTests
{
    [Fact]
    public async Task History_NamesEachEntrysKindAndTime_AndRewardsTheirTime()
    {
        await using var platform = new Platform();
        var (merchant, storeId, code) = await platform.OpenStoreAsync();
        var member = await platform.RegisterAsync(code);
        await member.BuyAsync(storeId, "1000.00");
        await member.PostAsync("/api/wallet/sell", new { points = "10.0000" });

        var history = (await member.GetAsync("/api/wallet/history?sort=sequence")).GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(["Consume", "Sell"], history.Select(row => row.Text("kind")).Where(kind => kind != "Bind").ToArray());
        foreach (var row in history)
            Assert.InRange(row.GetProperty("at").GetDateTimeOffset(), platform.Clock.GetUtcNow().AddMinutes(-1), platform.Clock.GetUtcNow().AddMinutes(1));

        var reward = (await merchant.GetAsync("/api/wallet/rewards")).EnumerateArray().Single(r => r.Text("kind") == "ReferralReward");
        Assert.Equal(platform.Clock.GetUtcNow().UtcDateTime.Date, reward.GetProperty("at").GetDateTimeOffset().UtcDateTime.Date);
    }

    [Fact]
    public async Task WalletTerms_AreWhatTheSaleAndWithdrawalPagesShow()
    {
        await using var platform = new Platform();
        var member = await platform.RegisterAsync();
        var terms = await member.GetAsync("/api/wallet/terms");
        Assert.Equal("0.8", terms.Text("payout"));
        Assert.Equal("10.00", terms.Text("withdrawalMinimum"));
        Assert.Equal("0", terms.Text("withdrawalFee"));
        Assert.Equal("1.2", terms.Text("exitMultiple"));
        Assert.Equal(JsonValueKind.Object, terms.ValueKind);
    }
}
