using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using ValuePool.Server.Accounts;

namespace ValuePool.Server.Hosting;

/// <summary>
/// <c>--create-admin PHONE</c>: creates an admin (or makes an existing account one) and exits. The
/// password comes from <c>VALUEPOOL_ADMIN_PASSWORD</c> or the first line of standard input, never
/// from the command line, where other users of the machine could read it.
/// </summary>
[Description("Without --create-admin or --reconcile DAY (reconcile a day, yyyy-MM-dd, with the payment provider's bill and exit) the server runs; " +
    "its options (--db DB, --urls URL, --Section:Key=value) configure it.")]
public sealed class CreateAdminCommand(CommandLineStreams streams) : Command<CreateAdminCommand.Settings>
{
    public const string Switch = "--create-admin";

    public sealed class Settings : CommandSettings
    {
        // Not required in Spectre's terms: the help describes the server's whole command line, which runs
        // the server without it. Program.cs comes here only when it is given.
        [CommandOption(Switch + " <PHONE>")]
        [Description("create an admin with this phone (or make its account one) and exit; the password comes from "
            + "VALUEPOOL_ADMIN_PASSWORD or the first line of standard input")]
        public string Phone { get; init; } = "";

        public override ValidationResult Validate() =>
            Phone == "" ? ValidationResult.Error($"{Switch} needs a PHONE") : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var password = Environment.GetEnvironmentVariable("VALUEPOOL_ADMIN_PASSWORD") ?? streams.In.ReadLine();
        if (string.IsNullOrEmpty(password) || password.Length < 8)
        {
            streams.Error.WriteLine("the admin password must have at least 8 characters");
            return 2;
        }
        // The whole command line configures the host: --db and the rest as when the server runs;
        // --create-admin PHONE becomes a configuration key nothing reads.
        var args = context.Arguments.ToArray();
        var builder = WebApplication.CreateBuilder(args);
        builder.AddValuePool(args);
        using var app = builder.Build();
        var users = app.Services.GetRequiredService<UserStore>();
        var existing = users.FindByPhoneAsync(settings.Phone).GetAwaiter().GetResult();
        if (existing is not null) users.GrantRoleAsync(existing.Id, Roles.Admin).GetAwaiter().GetResult();
        else users.CreateAsync(settings.Phone, password, [Roles.Member, Roles.Admin]).GetAwaiter().GetResult();
        streams.Out.WriteLine(existing is null ? $"created admin {settings.Phone}" : $"{settings.Phone} is now an admin (password unchanged)");
        return 0;
    }
}
