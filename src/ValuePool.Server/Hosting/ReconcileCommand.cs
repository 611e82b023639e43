using System.ComponentModel;
using System.Globalization;
using Microsoft.Extensions.Options;
using Spectre.Console.Cli;
using ValuePool.Server.Payments.Reconciliation;

namespace ValuePool.Server.Hosting;

/// <summary>
/// <c>--reconcile DAY</c>: reconciles one day (China Standard Time, <c>yyyy-MM-dd</c>) with the configured provider's bill, as
/// the daily job does, prints the result and every difference, and exits: 0 matched, 1 differences or no bill, 2 bad usage.
/// </summary>
public sealed class ReconcileCommand(CommandLineStreams streams) : Command<ReconcileCommand.Settings>
{
    public const string Switch = "--reconcile";

    public sealed class Settings : CommandSettings
    {
        [CommandOption(Switch + " <DAY>")]
        [Description("reconcile DAY (yyyy-MM-dd, China Standard Time) with the payment provider's bill and exit")]
        public string Day { get; init; } = "";

        public override Spectre.Console.ValidationResult Validate() =>
            DateOnly.TryParseExact(Day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? Spectre.Console.ValidationResult.Success()
                : Spectre.Console.ValidationResult.Error($"{Switch} needs a DAY as yyyy-MM-dd");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var args = context.Arguments.ToArray();
        var builder = WebApplication.CreateBuilder(args);
        builder.AddValuePool(args);
        using var app = builder.Build();
        try { _ = app.Services.GetRequiredService<IOptions<ServerOptions>>().Value; }
        catch (OptionsValidationException e)
        {
            streams.Error.WriteLine(e.Message);
            return 2;
        }
        var reconciliation = app.Services.GetRequiredService<DailyReconciliation>();
        var day = DateOnly.ParseExact(settings.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var run = reconciliation.RunAsync(day, cancellationToken).GetAwaiter().GetResult();
        streams.Out.WriteLine($"{run.Day} {run.Provider}: {run.Status}, {run.BillLines} bill lines, {run.Matched} matched{(run.Failure is null ? "" : $" ({BillFailureTexts.Of(run.Failure).En})")}");
        foreach (var d in reconciliation.DifferencesAsync(day).GetAwaiter().GetResult())
            streams.Out.WriteLine($"  {d.Kind} {d.Subject} {d.Reference}: ours {Yuan(d.OursFen)}, theirs {Yuan(d.TheirsFen)}");
        return run.Status == ReconciliationStatus.Matched ? 0 : 1;
    }

    private static string Yuan(long? fen) => fen is { } value ? new Core.Amounts.Money(value).ToString() : "-";
}
