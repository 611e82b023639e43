using Microsoft.Extensions.Options;
using ValuePool.Server.Hosting;
using ValuePool.Server.Payments.Alipay;
using ValuePool.Server.Payments.WeChatPay;

namespace ValuePool.Server.Payments;

/// <summary>The providers this build has, and the one <c>Payments:Provider</c> names as the <see cref="IPaymentProvider"/>.</summary>
public static class PaymentProviders
{
    public static readonly string[] Names = [WeChatPayProvider.ProviderName, AlipayProvider.ProviderName, SimulatedPaymentProvider.ProviderName];

    public static void AddPaymentProviders(this IServiceCollection services)
    {
        services.AddSingleton<SimulatedPaymentProvider>();
        services.AddSingleton<WeChatPayClient>();
        services.AddSingleton<WeChatPayProvider>();
        services.AddSingleton<AlipayClient>();
        services.AddSingleton<AlipayProvider>();
        services.AddSingleton<IPaymentProvider>(sp => sp.GetRequiredService<IOptions<ServerOptions>>().Value.Payments.Provider switch
        {
            WeChatPayProvider.ProviderName => sp.GetRequiredService<WeChatPayProvider>(),
            AlipayProvider.ProviderName => sp.GetRequiredService<AlipayProvider>(),
            _ => sp.GetRequiredService<SimulatedPaymentProvider>(),
        });
        services.AddHttpClient(WeChatPayClient.HttpClientName);
        services.AddHttpClient(AlipayClient.HttpClientName);
        services.AddSingleton<IValidateOptions<ServerOptions>, PaymentProviderValidation>();
        services.AddSingleton<PaymentCallbacks>();
    }
}
