using Microsoft.Extensions.Options;
using ValuePool.Server.Hosting;

namespace ValuePool.Server.Payments;

/// <summary>
/// Refuses to start a platform whose payments nobody collects (issue 10, finding 13): the provider must be configured, and
/// the simulated one, which confirms every payment without collecting money, never runs in Production. Checked when the
/// options are first read, which <see cref="PlatformSetup.UseValuePool"/> does before anything else.
/// </summary>
public sealed class PaymentProviderValidation(IHostEnvironment environment) : IValidateOptions<ServerOptions>
{
    public const string Key = $"{ServerOptions.Section}:Payments:Provider";

    public ValidateOptionsResult Validate(string? name, ServerOptions options) => options.Payments.Provider switch
    {
        null or "" => ValidateOptionsResult.Fail(
            $"{Key} is not set: no payment provider collects the platform's payments. This build has only '{SimulatedPaymentProvider.ProviderName}', " +
            "which collects no money, for development and tests (appsettings.Development.json sets it)."),
        SimulatedPaymentProvider.ProviderName when environment.IsProduction() => ValidateOptionsResult.Fail(
            $"{Key} is '{SimulatedPaymentProvider.ProviderName}' in Production: the simulated provider confirms every payment without collecting money. " +
            "Configure a real payment provider; this build has none yet."),
        SimulatedPaymentProvider.ProviderName => ValidateOptionsResult.Success,
        var other => ValidateOptionsResult.Fail($"{Key} is '{other}', which this build does not know; it has only '{SimulatedPaymentProvider.ProviderName}'."),
    };
}
