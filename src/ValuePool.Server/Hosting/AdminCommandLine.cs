using ValuePool.Server.Accounts;

namespace ValuePool.Server.Hosting;

/// <summary>
/// <c>--create-admin PHONE</c>: creates an admin (or makes an existing account one) and exits. The
/// password comes from <c>VALUEPOOL_ADMIN_PASSWORD</c> or the first line of standard input, never
/// from the command line, where other users of the machine could read it.
/// </summary>
public static class AdminCommandLine
{
    private const string Switch = "--create-admin";

    public static bool IsRequested(string[] args) => args.Contains(Switch);

    public static int Run(string[] args)
    {
        var at = Array.IndexOf(args, Switch);
        if (at + 1 >= args.Length)
        {
            Console.Error.WriteLine($"usage: {Switch} PHONE   (password from VALUEPOOL_ADMIN_PASSWORD or standard input)");
            return 2;
        }
        var phone = args[at + 1];
        var password = Environment.GetEnvironmentVariable("VALUEPOOL_ADMIN_PASSWORD") ?? Console.In.ReadLine();
        if (string.IsNullOrEmpty(password) || password.Length < 8)
        {
            Console.Error.WriteLine("the admin password must have at least 8 characters");
            return 2;
        }
        var rest = args.Where((_, i) => i != at && i != at + 1).ToArray();
        var builder = WebApplication.CreateBuilder(rest);
        builder.AddValuePool(rest);
        using var app = builder.Build();
        var users = app.Services.GetRequiredService<UserStore>();
        var existing = users.FindByPhoneAsync(phone).GetAwaiter().GetResult();
        if (existing is not null) users.GrantRoleAsync(existing.Id, Roles.Admin).GetAwaiter().GetResult();
        else users.CreateAsync(phone, password, [Roles.Member, Roles.Admin]).GetAwaiter().GetResult();
        Console.WriteLine(existing is null ? $"created admin {phone}" : $"{phone} is now an admin (password unchanged)");
        return 0;
    }
}
