using Dapper;
using Microsoft.AspNetCore.Identity;
using ValuePool.Server.Data;

namespace ValuePool.Server.Accounts;

/// <summary>Users and their roles; passwords are kept only as ASP.NET Core password-hasher hashes.</summary>
public sealed class UserStore(ServerDatabase database, ServerWriter writer, IPasswordHasher<UserAccount> hasher, TimeProvider time)
{
    private const string Columns = "id AS Id, phone AS Phone, password_hash AS PasswordHash, roles AS Roles, created_ms AS CreatedMs";

    /// <summary>The new account, or null when the phone number is taken.</summary>
    public async Task<UserAccount?> CreateAsync(string phone, string password, IEnumerable<string> roles)
    {
        var user = new UserAccount { Id = Ids.New("u"), Phone = phone, Roles = Roles.Join(roles), CreatedMs = UnixTime.Ms(time.GetUtcNow()) };
        user = new UserAccount { Id = user.Id, Phone = phone, Roles = user.Roles, CreatedMs = user.CreatedMs, PasswordHash = hasher.HashPassword(user, password) };
        var inserted = await writer.WriteAsync((c, t) => c.Execute(
            "INSERT INTO app_user (id, phone, password_hash, roles, created_ms) VALUES (@Id, @Phone, @PasswordHash, @Roles, @CreatedMs) ON CONFLICT (phone) DO NOTHING",
            user, t));
        return inserted == 1 ? user : null;
    }

    public Task<UserAccount?> FindAsync(string id) =>
        database.QuerySingleAsync<UserAccount>($"SELECT {Columns} FROM app_user WHERE id = @id", new { id });

    public Task<UserAccount?> FindByPhoneAsync(string phone) =>
        database.QuerySingleAsync<UserAccount>($"SELECT {Columns} FROM app_user WHERE phone = @phone", new { phone });

    /// <summary>The user when the password matches; a hash in an old format is upgraded on the way.</summary>
    public async Task<UserAccount?> CheckPasswordAsync(string phone, string password)
    {
        var user = await FindByPhoneAsync(phone);
        if (user is null)
        {
            // Hash anyway so a missing account takes as long as a wrong password (no phone enumeration by timing).
            hasher.HashPassword(new UserAccount(), password);
            return null;
        }
        return hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed ? null : user;
    }

    public Task<bool> AddRoleAsync(string id, string role) => ChangeRolesAsync(id, roles => roles.Append(role));

    public Task<bool> RemoveRoleAsync(string id, string role) => ChangeRolesAsync(id, roles => roles.Where(r => r != role));

    public async Task<bool> HasRoleAsync(string id, string role) => (await FindAsync(id))?.RoleList.Contains(role) == true;

    /// <summary>Read and write in one writer change, so two role changes at once both stick.</summary>
    private Task<bool> ChangeRolesAsync(string id, Func<IEnumerable<string>, IEnumerable<string>> change) =>
        writer.WriteAsync((c, t) =>
        {
            var roles = c.QuerySingleOrDefault<string>("SELECT roles FROM app_user WHERE id = @id", new { id }, t);
            if (roles is null) return false;
            c.Execute("UPDATE app_user SET roles = @roles WHERE id = @id", new { id, roles = Roles.Join(change(Roles.Split(roles))) }, t);
            return true;
        });
}
