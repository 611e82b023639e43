using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ValuePool.Server.Tests;

/// <summary>The simulated provider runs only where configured, never in Production, and the API says which provider is active.</summary>
public sealed class PaymentProviderTests
{
    [Fact]
    public async Task TestsAndDevelopment_RunTheSimulatedProvider_AndSayItAnonymously()
    {
        await using var platform = new Platform();
        var provider = await platform.Anonymous().GetFromJsonAsync<JsonElement>("/api/payments/provider");
        Assert.Equal("simulated", provider.Text("name"));
        Assert.True(provider.GetProperty("simulated").GetBoolean());
    }

    [Theory]
    [InlineData(null, "ValuePool:Payments:Provider is not set")]
    [InlineData("simulated", "ValuePool:Payments:Provider is 'simulated' in Production")]
    [InlineData("acme-pay", "ValuePool:Payments:Provider is 'acme-pay', which this build does not know")]
    [InlineData("wechatpay", "the payment provider needs ValuePool:Payments:WeChatPay:MchId, ValuePool:Payments:WeChatPay:AppId")]
    [InlineData("alipay", "the payment provider needs ValuePool:Payments:Alipay:AppId, ValuePool:Payments:Alipay:SellerId")]
    public async Task Production_WithoutARealProvider_RefusesToStart_SayingWhy(string? provider, string message)
    {
        await using var platform = new Platform(new() { ["environment"] = "Production", ["ValuePool:Payments:Provider"] = provider });
        var refused = Assert.ThrowsAny<Exception>(() => platform.CreateClient());
        Assert.Contains(message, Messages(refused));
    }

    [Fact]
    public async Task Production_WithWeChatPayConfigured_Starts_AndSaysItCollectsForReal()
    {
        await using var wechat = await Providers.FakeWeChatPay.StartAsync();
        var settings = wechat.Settings();
        settings["environment"] = "Production";
        await using var platform = new Platform(settings);
        var provider = await platform.Anonymous().GetFromJsonAsync<JsonElement>("/api/payments/provider");
        Assert.Equal(("wechatpay", false), (provider.Text("name"), provider.GetProperty("simulated").GetBoolean()));
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Anonymous().PostAsync("/api/payments/alipay/notify", new StringContent("a=b"))).StatusCode);
    }

    [Fact]
    public async Task AKeyThatDoesNotLoad_StopsTheStart_NamingItsSetting()
    {
        await using var wechat = await Providers.FakeWeChatPay.StartAsync();
        var settings = wechat.Settings();
        settings["ValuePool:Payments:WeChatPay:MerchantPrivateKey"] = "/nonexistent/apiclient_key.pem";
        await using var platform = new Platform(settings);
        var refused = Assert.ThrowsAny<Exception>(() => platform.CreateClient());
        Assert.Contains("ValuePool:Payments:WeChatPay:MerchantPrivateKey is neither a PEM key nor the path of a file that exists", Messages(refused));
    }

    private static string Messages(Exception error) => error.InnerException is null ? error.Message : error.Message + "\n" + Messages(error.InnerException);
}
