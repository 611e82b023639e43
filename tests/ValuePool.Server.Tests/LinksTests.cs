using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ValuePool.Server.Tests;

public sealed class LinksTests
{
    [Fact]
    public async Task ANewMemberArrivingThroughAStoresQrLink_IsBoundToItsOwner_WhoEarnsTheDirectReward()
    {
        await using var platform = new Platform();
        var (merchant, storeId, code) = await platform.OpenStoreAsync();
        var link = await platform.Anonymous().GetFromJsonAsync<JsonElement>($"/api/links/{code}");
        Assert.Equal(merchant.Id, link.Text("ownerId"));
        Assert.EndsWith($"/pay/{code}", link.Text("url")); // the console's scan-to-pay page, not raw JSON
        Assert.Equal("Tea House", link.Text("storeName"));
        Assert.Equal($"{merchant.Phone[..3]}****{merchant.Phone[^4..]}", link.Text("inviter"));

        var newcomer = await platform.RegisterAsync(referralCode: code);
        Assert.Equal(merchant.Id, (await newcomer.WalletAsync()).Text("referrer"));
        await newcomer.BuyAsync(storeId, "1000.00");
        var rewards = await merchant.GetAsync("/api/wallet/rewards");
        Assert.Contains(rewards.EnumerateArray(), r => r.Text("kind") == "ReferralReward" && r.Text("amount") == "3.00");
        Assert.Equal("3.00", (await merchant.WalletAsync()).Text("cash"));
    }

    [Fact]
    public async Task AnOrderThroughAPromotersLink_BindsAnExistingMemberAtFirstContact()
    {
        await using var platform = new Platform();
        var promoter = await platform.RegisterAsync();
        var code = (await promoter.GetAsync("/api/promoters/me/link")).Text("code");
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var member = await platform.RegisterAsync();
        await member.PostAsync("/api/orders", new { storeId, amount = "10.00", via = code });
        Assert.Equal(promoter.Id, (await member.WalletAsync()).Text("referrer"));
        Assert.Equal(code, (await promoter.GetAsync("/api/promoters/me/link")).Text("code"));
    }

    [Fact]
    public async Task PromotersQualify_AfterAFirstOrderOfTheSetAmount()
    {
        await using var platform = new Platform(new() { ["ValuePool:Promoters:Qualification"] = "FirstOrder", ["ValuePool:Promoters:FirstOrderMinimum"] = "100.00" });
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var small = await platform.RegisterAsync();
        await small.BuyAsync(storeId, "99.99");
        await (await small.Http.GetAsync("/api/promoters/me/link")).AssertProblem(HttpStatusCode.Forbidden);
        var big = await platform.RegisterAsync();
        await big.BuyAsync(storeId, "100.00");
        Assert.StartsWith("p_", (await big.GetAsync("/api/promoters/me/link")).Text("code"));
    }

    [Fact]
    public async Task PromotersQualify_OnlyWhenAppointed_UnderThatRule()
    {
        await using var platform = new Platform(new() { ["ValuePool:Promoters:Qualification"] = "Appointed" });
        var member = await platform.RegisterAsync();
        await (await member.Http.GetAsync("/api/promoters/me/link")).AssertProblem(HttpStatusCode.Forbidden);
        var appointed = await platform.UserWithRoleAsync("promoter");
        Assert.Equal(appointed.Id, (await appointed.GetAsync("/api/promoters/me/link")).Text("ownerId"));
        await (await platform.Anonymous().GetAsync("/api/links/c_unknown")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task APromotersLink_OpensTheRegistrationPage_NamingThePromoter()
    {
        await using var platform = new Platform();
        var promoter = await platform.RegisterAsync();
        var link = await promoter.GetAsync("/api/promoters/me/link");
        Assert.EndsWith($"/join/{link.Text("code")}", link.Text("url"));
        Assert.Equal(JsonValueKind.Null, link.GetProperty("storeName").ValueKind);
        Assert.EndsWith(promoter.Phone[^4..], link.Text("inviter"));
    }

    [Fact]
    public async Task LinksAndQrCodes_UseTheAddressTheServerListensOn_UnlessAPublicBaseUrlIsSet()
    {
        await using (var platform = new Platform())
        {
            platform.UseKestrel(0);
            platform.StartServer();
            using var client = platform.CreateClient();
            var (_, _, code) = await platform.OpenStoreAsync();
            var listening = client.BaseAddress!.GetLeftPart(UriPartial.Authority);
            Assert.NotEqual("http://127.0.0.1:5080", listening);
            var link = await client.GetFromJsonAsync<JsonElement>($"/api/links/{code}");
            Assert.Equal($"{listening}/pay/{code}", link.Text("url"));
            // What the link opens is the console's page, served by this server.
            var page = await client.GetAsync(new Uri(link.Text("url")).PathAndQuery);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        }
        await using (var configured = new Platform(new() { ["ValuePool:PublicBaseUrl"] = "https://pay.example.cn/" }))
        {
            var (_, _, code) = await configured.OpenStoreAsync();
            var link = await configured.Anonymous().GetFromJsonAsync<JsonElement>($"/api/links/{code}");
            Assert.Equal($"https://pay.example.cn/pay/{code}", link.Text("url"));
        }
    }
}
