using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace ValuePool.Server.Tests;

/// <summary>What a request body, a name or a route may not hold, and that every refusal is a problem details document.</summary>
public sealed class InputHygieneTests
{
    [Fact]
    public async Task DuplicateKeys_AreRefused_NotReadAsTheLastOne()
    {
        await using var platform = new Platform();
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();
        await (await Raw(buyer.Http, "/api/wallet/sell", """{"points":"1.0000","points":"2.0000"}""")).AssertProblem(HttpStatusCode.BadRequest);
        await (await Raw(buyer.Http, $"/api/stores/{storeId}/pay", """{"amount":"1.00","amount":"9999.00"}""")).AssertProblem(HttpStatusCode.BadRequest);
        await (await Raw(platform.Anonymous(), "/api/accounts/register", """{"phone":"13800000001","password":"password-1","phone":"13800000002"}"""))
            .AssertProblem(HttpStatusCode.BadRequest);
        Assert.Equal(0, (await buyer.GetAsync("/api/orders")).GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("Tea\u0000House")]
    [InlineData("Tea\u202EesuoH")]
    [InlineData("Tea\u2066House")]
    [InlineData("Tea\u200FHouse")]
    [InlineData("Tea\u061CHouse")]
    [InlineData("Tea\nHouse")]
    public async Task ControlAndBidiCharacters_InNames_AreRefused_NamingTheField(string name)
    {
        await using var platform = new Platform();
        var merchant = await platform.RegisterAsync();
        await (await merchant.SendAsync("/api/stores", new { name, region = new { province = "Guangdong", city = "Shenzhen", district = "Nanshan" } }))
            .AssertFieldError("name");
        await (await merchant.SendAsync("/api/stores", new { name = "Tea House", region = new { province = "Guangdong", city = name, district = "Nanshan" } }))
            .AssertFieldError("region.city");
    }

    [Theory]
    [InlineData("weighted ")]
    [InlineData("Weighted")]
    [InlineData("WEIGHTED")]
    [InlineData("1")]
    [InlineData(" weighted")]
    public async Task Choices_MustBeWrittenExactly(string partnerSplit)
    {
        await using var platform = new Platform();
        var merchant = await platform.RegisterAsync();
        var region = new { province = "Guangdong", city = "Shenzhen", district = "Nanshan" };
        await (await merchant.SendAsync("/api/stores", new { name = "Tea House", region, terms = new { partnerSplit } })).AssertFieldError("terms.partnerSplit");
        Assert.Equal(HttpStatusCode.Created, (await merchant.SendAsync("/api/stores", new { name = "Tea House", region, terms = new { partnerSplit = "weighted" } })).StatusCode);
    }

    [Fact]
    public async Task RoutingLevelRefusals_AreProblemDetailsToo()
    {
        await using var platform = new Platform();
        var member = await platform.RegisterAsync();
        await (await member.Http.GetAsync("/api/no-such-thing")).AssertProblem(HttpStatusCode.NotFound);
        await (await member.Http.DeleteAsync("/api/wallet/sell")).AssertProblem(HttpStatusCode.MethodNotAllowed);
        await (await member.Http.PostAsync("/api/wallet/sell", new StringContent("points=1", Encoding.UTF8, "text/plain"))).AssertProblem(HttpStatusCode.UnsupportedMediaType);
        await (await Raw(member.Http, "/api/wallet/sell", """{"points":""")).AssertProblem(HttpStatusCode.BadRequest);
        await (await Raw(member.Http, "/api/wallet/sell", """{"points":1}""")).AssertProblem(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/api/admin/members/u_nobody/wallet")]
    [InlineData("/api/stores/s_nowhere/products")]
    [InlineData("/api/stores/s_nowhere/orders")]
    [InlineData("/api/stores/s_nowhere/shareholders")]
    [InlineData("/api/stores/s_nowhere/partners")]
    [InlineData("/api/stores/s_nowhere/promise")]
    [InlineData("/api/stores/s_nowhere/account")]
    [InlineData("/api/stores/s_nowhere/cards")]
    [InlineData("/api/stores/s_nowhere/payouts")]
    [InlineData("/api/stores/s_nowhere/deposit")]
    [InlineData("/api/stores/s_nowhere")]
    [InlineData("/api/orders/o_nothing")]
    [InlineData("/api/links/nocode")]
    public async Task UnknownIds_Answer404_NotEmptyData(string path)
    {
        await using var platform = new Platform();
        var admin = await platform.AdminAsync();
        await (await admin.Http.GetAsync(path)).AssertProblem(HttpStatusCode.NotFound);
    }

    private static Task<HttpResponseMessage> Raw(HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
}
