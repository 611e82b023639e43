using Microsoft.Extensions.Options;
using ValuePool.Server.Hosting;

namespace ValuePool.Server.Accounts;

/// <summary>
/// Creates the first admin from configuration (both phone and password given), never from a default
/// password. Without them, the log says how to create one.
/// </summary>
public static class FirstAdmin
{
    public static async Task EnsureAsync(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<ServerOptions>>().Value.Admin;
        var users = services.GetRequiredService<UserStore>();
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FirstAdmin));
        if (string.IsNullOrEmpty(options.Phone) || string.IsNullOrEmpty(options.Password))
        {
            log.LogInformation("No first admin configured (ValuePool:Admin:Phone and ValuePool:Admin:Password). To create one: " +
                "VALUEPOOL_ADMIN_PASSWORD=… dotnet run --project src/ValuePool.Server -- --create-admin PHONE");
            return;
        }
        if (await users.FindByPhoneAsync(options.Phone) is { } existing)
        {
            if (!existing.RoleList.Contains(Roles.Admin)) log.LogWarning("The configured admin phone {Phone} belongs to an account that is not an admin; nothing changed", options.Phone);
            return;
        }
        await users.CreateAsync(options.Phone, options.Password, [Roles.Member, Roles.Admin]);
        log.LogInformation("Created the first admin {Phone}", options.Phone);
    }
}
