using System.Net;

namespace ValuePool.Server.Tests;

public sealed class PartnersTests
{
    [Fact]
    public async Task TheOwnerNamesAPartner_WhoIsPaidTheWeeklyPool()
    {
        await using var platform = new Platform();
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        var partner = await platform.RegisterAsync();
        var named = await merchant.PostAsync($"/api/stores/{storeId}/partners", new { memberId = partner.Id });
        Assert.Equal([partner.Id], named.GetProperty("partners").EnumerateArray().Select(p => p.GetString()));
        await merchant.PostAsync($"/api/stores/{storeId}/partners", new { memberId = partner.Id });
        Assert.Single((await merchant.GetAsync($"/api/stores/{storeId}/partners")).GetProperty("partners").EnumerateArray());

        await (await platform.RegisterAsync()).BuyAsync(storeId, "1000.00");
        // The weekly period closes on Sunday and settles at the start of Monday.
        var today = platform.Clock.GetUtcNow().UtcDateTime.DayOfWeek;
        platform.Clock.Advance(TimeSpan.FromDays(((int)DayOfWeek.Sunday - (int)today + 7) % 7 + 1));
        await platform.Service<Hosting.DueWork>().RunOnceAsync();
        // 15% of the revenue net of the 20% commission: 15% × 800.00.
        var dividends = await partner.GetAsync("/api/partners/me/dividends");
        Assert.Equal(("PartnerDividend", "120.00"), (dividends[0].Text("kind"), dividends[0].Text("amount")));
    }

    [Fact]
    public async Task BuyingTheStoresDesignatedProduct_MakesTheBuyerAPartner()
    {
        await using var platform = new Platform();
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        var product = await merchant.PostAsync($"/api/stores/{storeId}/products", new { name = "Partner pack", price = "999.00", shipped = false, makesPartner = true });
        Assert.True(product.GetProperty("makesPartner").GetBoolean());
        var ordinary = await merchant.PostAsync($"/api/stores/{storeId}/products", new { name = "Tea", price = "10.00", shipped = false });

        var buyer = await platform.RegisterAsync();
        foreach (var productId in new[] { ordinary.Text("id"), product.Text("id") })
        {
            var order = await buyer.PostAsync("/api/orders", new { productId });
            await buyer.PostAsync($"/api/orders/{order.Text("id")}/pay", new { });
        }
        Assert.Equal([buyer.Id], (await merchant.GetAsync($"/api/stores/{storeId}/partners")).GetProperty("partners").EnumerateArray().Select(p => p.GetString()));

        var admin = await platform.AdminAsync();
        await (await admin.SendAsync("/api/products", new { name = "Pack", price = "9.00", shipped = false, makesPartner = true })).AssertFieldError("makesPartner");
    }

    [Fact]
    public async Task OnlyTheOwnerAndAdminsNameAndSeePartners()
    {
        await using var platform = new Platform();
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var (otherMerchant, _, _) = await platform.OpenStoreAsync("Futian");
        var member = await platform.RegisterAsync();
        await (await member.SendAsync($"/api/stores/{storeId}/partners", new { memberId = member.Id })).AssertProblem(HttpStatusCode.Forbidden);
        await (await otherMerchant.SendAsync($"/api/stores/{storeId}/partners", new { memberId = member.Id })).AssertProblem(HttpStatusCode.Forbidden);
        await (await otherMerchant.Http.GetAsync($"/api/stores/{storeId}/partners")).AssertProblem(HttpStatusCode.Forbidden);
        var admin = await platform.AdminAsync();
        await (await admin.SendAsync($"/api/stores/{storeId}/partners", new { memberId = "u_nobody" })).AssertFieldError("memberId");
        await (await admin.SendAsync("/api/stores/s_nothing/partners", new { memberId = member.Id })).AssertProblem(HttpStatusCode.NotFound);
    }
}
