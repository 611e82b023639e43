using Microsoft.Extensions.Options;
using ValuePool.Server.Hosting;
using ValuePool.Server.Payments.Alipay;
using ValuePool.Server.Payments.WeChatPay;

namespace ValuePool.Server.Payments;

/// <summary>
/// Refuses to start a platform whose payments nobody collects (issue 10, finding 13): the provider must be configured, the
/// simulated one, which confirms every payment without collecting money, never runs in Production, and a real one runs only
/// with every setting it signs, verifies and decrypts with. Checked when the options are first read, which
/// <see cref="PlatformSetup.UseValuePool"/> does before anything else.
/// </summary>
public sealed class PaymentProviderValidation(IHostEnvironment environment) : IValidateOptions<ServerOptions>
{
    public const string Key = $"{ServerOptions.Section}:Payments:Provider";

    public ValidateOptionsResult Validate(string? name, ServerOptions options) => options.Payments.Provider switch
    {
        null or "" => ValidateOptionsResult.Fail(
            $"{Key} is not set: no payment provider collects the platform's payments. Set '{WeChatPayProvider.ProviderName}' or '{AlipayProvider.ProviderName}' " +
            $"(docs/PAYMENTS.md); '{SimulatedPaymentProvider.ProviderName}', which collects no money, is for development and tests (appsettings.Development.json sets it)."),
        SimulatedPaymentProvider.ProviderName when environment.IsProduction() => ValidateOptionsResult.Fail(
            $"{Key} is '{SimulatedPaymentProvider.ProviderName}' in Production: the simulated provider confirms every payment without collecting money. " +
            $"Configure a real payment provider: '{WeChatPayProvider.ProviderName}' or '{AlipayProvider.ProviderName}'."),
        SimulatedPaymentProvider.ProviderName => ValidateOptionsResult.Success,
        WeChatPayProvider.ProviderName => Missing(WeChatPayClient.Setting, Required(options.Payments.WeChatPay)),
        AlipayProvider.ProviderName => Missing(AlipayClient.Setting, Required(options.Payments.Alipay)),
        var other => ValidateOptionsResult.Fail($"{Key} is '{other}', which this build does not know; it has {string.Join(", ", PaymentProviders.Names.Select(n => $"'{n}'"))}."),
    };

    private static IEnumerable<(string Setting, bool Set)> Required(WeChatPayOptions wechat) =>
    [
        ("MchId", wechat.MchId is { Length: > 0 }), ("AppId", wechat.AppId is { Length: > 0 }),
        ("MerchantSerialNumber", wechat.MerchantSerialNumber is { Length: > 0 }), ("MerchantPrivateKey", wechat.MerchantPrivateKey is { Length: > 0 }),
        ("ApiV3Key (32 characters)", wechat.ApiV3Key is { Length: 32 }), ("PlatformPublicKeys", wechat.PlatformPublicKeys.Count > 0),
        ("NotifyUrl", wechat.NotifyUrl is { Length: > 0 }),
    ];

    private static IEnumerable<(string Setting, bool Set)> Required(AlipayOptions alipay) =>
    [
        ("AppId", alipay.AppId is { Length: > 0 }), ("SellerId", alipay.SellerId is { Length: > 0 }),
        ("AppPrivateKey", alipay.AppPrivateKey is { Length: > 0 }), ("AlipayPublicKey", alipay.AlipayPublicKey is { Length: > 0 }),
        ("NotifyUrl", alipay.NotifyUrl is { Length: > 0 }),
    ];

    private static ValidateOptionsResult Missing(string section, IEnumerable<(string Setting, bool Set)> required) =>
        required.Where(r => !r.Set).Select(r => $"{section}:{r.Setting}").ToArray() is { Length: > 0 } missing
            ? ValidateOptionsResult.Fail($"the payment provider needs {string.Join(", ", missing)} (docs/PAYMENTS.md)")
            : ValidateOptionsResult.Success;
}
