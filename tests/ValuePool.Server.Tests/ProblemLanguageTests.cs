using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using Microsoft.Extensions.Primitives;
using ValuePool.Core.Amounts;
using ValuePool.Core.Configuration;
using ValuePool.Core.Engine;
using ValuePool.Core.Stores;
using ValuePool.Server.Http;

namespace ValuePool.Server.Tests;

/// <summary>
/// Every problem details document is in Simplified Chinese unless the request's <c>Accept-Language</c> prefers English, with
/// <c>Content-Language</c> saying which; the codes and field names stay the same in both.
/// </summary>
public sealed class ProblemLanguageTests
{
    [Fact]
    public async Task AnEngineRefusal_IsInChinese_ByDefault_AndInEnglish_WhenAsked()
    {
        await using var platform = new Platform();
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        var sale = new { memberId = merchant.Id, amount = "100000.00" };

        var chinese = await (await merchant.SendAsync($"/api/stores/{storeId}/checkout", sale)).AssertChinese(HttpStatusCode.UnprocessableEntity, "InsufficientDeposit");
        Assert.Equal("门店预存让利款不足以支付本笔订单的平台佣金，请先充值", chinese.Text("detail"));
        Assert.Equal("无法完成操作", chinese.Text("title"));

        var english = await (await Send(merchant.Http, HttpMethod.Post, $"/api/stores/{storeId}/checkout", "en", sale))
            .AssertEnglish(HttpStatusCode.UnprocessableEntity, "InsufficientDeposit");
        Assert.Equal(CommandResult.InsufficientDeposit.Describe(), english.Text("detail"));
    }

    [Fact]
    public async Task AFieldError_IsInChinese_ByDefault_AndInEnglish_WhenAsked_UnderTheSameField()
    {
        await using var platform = new Platform();
        var member = await platform.RegisterAsync();

        var chinese = await (await member.SendAsync("/api/wallet/sell", new { points = "1,000" })).AssertChinese(HttpStatusCode.BadRequest, "ValidationFailed");
        Assert.Equal("\"1,000\" 不是有效的金额：只能包含数字和小数点，不能有正负号、空格或千位分隔符", Message(chinese, "points"));
        Assert.Equal("请求中有字段填写有误", chinese.Text("title"));

        var english = await (await Send(member.Http, HttpMethod.Post, "/api/wallet/sell", "en-US,en;q=0.9", new { points = "1,000" }))
            .AssertEnglish(HttpStatusCode.BadRequest, "ValidationFailed");
        Assert.Equal("\"1,000\" is not a decimal amount", Message(english, "points"));
    }

    [Fact]
    public async Task AMerchantsTermOutOfBounds_NamesTheBound_InYuan()
    {
        await using var platform = new Platform();
        var (merchant, storeId, _) = await platform.OpenStoreAsync();
        var card = new { name = "Gold", price = "99999999.00", validDays = 30 };

        var chinese = await (await merchant.SendAsync($"/api/stores/{storeId}/cards", card)).AssertChinese(HttpStatusCode.BadRequest, "ValidationFailed");
        var max = (await platform.Service<Ledger.LedgerGateway>().ReadAsync(engine => engine.Config)).CardPriceMax;
        Assert.Equal($"售价须大于 ¥0.00，且不超过 ¥{max}", Message(chinese, "price"));
        var english = await (await Send(merchant.Http, HttpMethod.Post, $"/api/stores/{storeId}/cards", "en", card)).AssertEnglish(HttpStatusCode.BadRequest, "ValidationFailed");
        Assert.Equal($"must be above 0 and at most {max}", Message(english, "price"));
    }

    [Fact]
    public async Task Forbidden_FromAnEndpoint_AndFromARole_AreInChinese_ByDefault()
    {
        await using var platform = new Platform();
        var (_, storeId, _) = await platform.OpenStoreAsync();
        var buyer = await platform.RegisterAsync();
        var order = await buyer.PostAsync("/api/orders", new { storeId, amount = "10.00" });
        var stranger = await platform.RegisterAsync();

        var other = await (await stranger.Http.GetAsync($"/api/orders/{order.Text("id")}")).AssertChinese(HttpStatusCode.Forbidden, "Forbidden");
        Assert.Equal("只有买家、店主和管理员可以查看订单", other.Text("detail"));
        var role = await (await stranger.Http.GetAsync("/api/admin/pool")).AssertChinese(HttpStatusCode.Forbidden, "Forbidden");
        Assert.Equal("您的账户没有执行此操作的权限", role.Text("detail"));

        var english = await (await Send(stranger.Http, HttpMethod.Get, $"/api/orders/{order.Text("id")}", "en")).AssertEnglish(HttpStatusCode.Forbidden, "Forbidden");
        Assert.Equal("only the buyer, the store's owner and admins see an order", english.Text("detail"));
        await (await Send(stranger.Http, HttpMethod.Get, "/api/admin/pool", "en")).AssertEnglish(HttpStatusCode.Forbidden, "Forbidden");
    }

    [Fact]
    public async Task RoutingAndBindingRefusals_AreInChinese_ByDefault_WithACode()
    {
        await using var platform = new Platform();
        var member = await platform.RegisterAsync();

        var route = await (await member.Http.GetAsync("/api/no-such-thing")).AssertChinese(HttpStatusCode.NotFound, "NotFound");
        Assert.Equal("请求的地址不存在", route.Text("detail"));
        Assert.Equal("未找到", route.Text("title"));
        await (await member.Http.DeleteAsync("/api/wallet/sell")).AssertChinese(HttpStatusCode.MethodNotAllowed, "MethodNotAllowed");
        await (await member.Http.PostAsync("/api/wallet/sell", new StringContent("points=1", Encoding.UTF8, "text/plain")))
            .AssertChinese(HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType");
        foreach (var body in new[] { """{"points":""", """{"points":1}""", """{"points":"1.0000","points":"2.0000"}""" })
            await (await member.Http.PostAsync("/api/wallet/sell", new StringContent(body, Encoding.UTF8, "application/json")))
                .AssertChinese(HttpStatusCode.BadRequest, "BadRequest");
        await (await platform.Anonymous().GetAsync("/api/wallet")).AssertChinese(HttpStatusCode.Unauthorized, "Unauthorized");

        var english = await (await Send(member.Http, HttpMethod.Get, "/api/no-such-thing", "en")).AssertEnglish(HttpStatusCode.NotFound, "NotFound");
        Assert.Equal("nothing is at this address", english.Text("detail"));
        await (await Send(member.Http, HttpMethod.Delete, "/api/wallet/sell", "en")).AssertEnglish(HttpStatusCode.MethodNotAllowed, "MethodNotAllowed");
        // One request's language does not carry over to the next.
        await (await member.Http.GetAsync("/api/no-such-thing")).AssertChinese(HttpStatusCode.NotFound, "NotFound");
    }

    [Fact]
    public async Task TooManyRequests_IsInChinese_ByDefault_AndInEnglish_WhenAsked()
    {
        await using var platform = new Platform(new() { ["ValuePool:RateLimits:MoneyRequestsPerUserPerMinute"] = "1" });
        var member = await platform.RegisterAsync();
        await (await member.SendAsync("/api/wallet/sell", new { points = "1.0000" })).AssertChinese(HttpStatusCode.UnprocessableEntity, "InsufficientPoints");

        var chinese = await (await member.SendAsync("/api/wallet/sell", new { points = "1.0000" })).AssertChinese(HttpStatusCode.TooManyRequests, "TooManyRequests");
        Assert.Equal("请求过于频繁，请稍后再试", chinese.Text("detail"));
        await (await Send(member.Http, HttpMethod.Post, "/api/wallet/sell", "en", new { points = "1.0000" })).AssertEnglish(HttpStatusCode.TooManyRequests, "TooManyRequests");
    }

    [Theory]
    [InlineData(null, Language.Chinese)]
    [InlineData("", Language.Chinese)]
    [InlineData("en", Language.English)]
    [InlineData("en-US", Language.English)]
    [InlineData("EN-gb", Language.English)]
    [InlineData("zh-CN,zh;q=0.9,en;q=0.8", Language.Chinese)]
    [InlineData("en;q=0.5, zh-TW;q=0.8", Language.Chinese)]
    [InlineData("zh;q=0.5, en-US;q=0.8", Language.English)]
    [InlineData("fr-FR, en;q=0.7", Language.English)]
    [InlineData("fr-FR, de", Language.Chinese)]
    [InlineData("en;q=0", Language.Chinese)]
    [InlineData("*", Language.Chinese)]
    [InlineData("english", Language.Chinese)]
    [InlineData("a;;q=x,,", Language.Chinese)]
    public void TheLanguage_IsEnglish_OnlyWhenPreferredToChinese(string? acceptLanguage, Language expected) =>
        Assert.Equal(expected, ProblemLanguage.Of(acceptLanguage is null ? StringValues.Empty : new StringValues(acceptLanguage)));

    [Fact]
    public void EveryCommandResult_HasChineseAndEnglish()
    {
        foreach (var result in Enum.GetValues<CommandResult>())
        {
            var text = CommandResultTexts.Of(result);
            AssertBoth(text, result.ToString());
            Assert.Equal(result.Describe(), text.En);
        }
    }

    [Fact]
    public void EveryTableEntry_HasChineseAndEnglish()
    {
        int[] statuses = [400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 500, 503, 418];
        foreach (var status in statuses)
        {
            AssertBoth(ProblemTexts.Title(status), $"title {status}");
            AssertBoth(ProblemTexts.Routing(status).Detail, $"routing {status}");
        }
        AssertBoth(ProblemTexts.ValidationTitle, "validation title");
        foreach (var field in typeof(Unknown).GetFields(BindingFlags.Public | BindingFlags.Static))
            AssertBoth((Bilingual)field.GetValue(null)!, $"Unknown.{field.Name}");
        foreach (var field in typeof(FieldErrors).GetFields(BindingFlags.Public | BindingFlags.Static).Where(field => field.FieldType == typeof(Bilingual)))
            AssertBoth((Bilingual)field.GetValue(null)!, $"FieldErrors.{field.Name}");
        AssertBoth(FieldErrors.Required("1.00"), "required amount");
        AssertBoth(FieldErrors.AtMostCharacters(10), "at most characters");
        foreach (var problem in Enum.GetValues<AmountTextProblem>().Where(problem => problem != AmountTextProblem.None))
            AssertBoth(FieldErrors.Words(problem, "x", 2, "¥10.00"), $"amount {problem}");
    }

    [Fact]
    public void EveryTermTheCoreBounds_HasItsChinese()
    {
        var config = EngineConfig.Default;
        var card = new MembershipCardTerms { Price = new Money(-1), Discount = new Rate(-1), SellerReward = new Money(-1), ValidDays = 0, FreeItemDays = -1,
            DailySpecialPrice = new Money(-1), OpeningShoppingPoints = new ShoppingPoints(-1) };
        var store = new StoreTerms { ShoppingPointsRate = new Rate(-1), PartnerSpend = new Money(-1), PartnerReferralReward = new Money(-1),
            PartnerSplit = (PartnerSplit)99, PartnerPeriod = (PartnerPeriod)99 };
        var problems = TermProblems.Of(card, config).Concat(TermProblems.Of(store, config)).ToList();
        Assert.Equal(TermProblemFields.Chinese.Keys.Order(), problems.Select(problem => problem.Field).Order());
        foreach (var problem in problems)
        {
            var words = TermProblemFields.Words(problem);
            AssertBoth(words, problem.Field);
            Assert.DoesNotContain("{0}", words.Zh);
        }
    }

    private static void AssertBoth(Bilingual text, string what)
    {
        Assert.True(text.Zh.Any(IsChinese), $"{what}: no Chinese in \"{text.Zh}\"");
        Assert.False(string.IsNullOrWhiteSpace(text.En), $"{what}: no English");
        Assert.False(text.En.Any(IsChinese), $"{what}: Chinese in the English \"{text.En}\"");
    }

    private static bool IsChinese(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    private static string Message(System.Text.Json.JsonElement problem, string field) =>
        Assert.Single(problem.GetProperty("errors").GetProperty(field).EnumerateArray()).GetString()!;

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, string acceptLanguage, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        return client.SendAsync(request);
    }
}
