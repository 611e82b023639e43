using Dapper;
using Microsoft.AspNetCore.Identity;
using ValuePool.Server.Data;

namespace ValuePool.Server.Accounts;

/// <summary>
/// Users and their roles; passwords are kept only as ASP.NET Core password-hasher hashes. Every change that must end the
/// user's sessions gives them a new security stamp (<see cref="SecurityStamps"/>).
/// </summary>
public sealed class UserStore(ServerDatabase database, ServerWriter writer, IPasswordHasher<UserAccount> hasher, SecurityStamps stamps, TimeProvider time)
{
    private const string Columns = "id AS Id, phone AS Phone, password_hash AS PasswordHash, roles AS Roles, created_ms AS CreatedMs, security_stamp AS SecurityStamp";

    public static readonly Http.SortKeys SortKeys = new(["createdAt", "phone"], ("createdAt", true));
    private static readonly Dictionary<string, string> SortColumns = new() { ["createdAt"] = "created_ms", ["phone"] = "phone" };

    /// <summary>A page of the accounts: <c>q</c> searches phone and id, <paramref name="role"/> keeps those holding it.</summary>
    public async Task<Http.Paged<UserAccount>> PageAsync(string? role, Http.ListQuery query)
    {
        var (total, items) = await QueryAsync(role, query, query.PageSize, query.Offset);
        return query.PageOf(items, total);
    }

    /// <summary>Every account the filters match, in the query's order, for an export (at most <paramref name="countMax"/>).</summary>
    public async Task<IReadOnlyList<UserAccount>> AllAsync(string? role, Http.ListQuery query, int countMax) =>
        (await QueryAsync(role, query, countMax, 0)).Items;

    private async Task<(long Total, IReadOnlyList<UserAccount> Items)> QueryAsync(string? role, Http.ListQuery query, int limit, int offset)
    {
        const string where = "WHERE (@role IS NULL OR (',' || roles || ',') LIKE @rolePattern) AND " +
            "(@pattern IS NULL OR LOWER(phone) LIKE @pattern ESCAPE '\\' OR LOWER(id) LIKE @pattern ESCAPE '\\')";
        var parameters = new { role, rolePattern = $"%,{role},%", pattern = query.SearchPattern, limit, offset };
        var total = await database.QuerySingleAsync<long>($"SELECT COUNT(*) FROM app_user {where}", parameters);
        var items = await database.QueryAsync<UserAccount>(
            $"SELECT {Columns} FROM app_user {where} ORDER BY {query.OrderBy(SortColumns)} LIMIT @limit OFFSET @offset", parameters);
        return (total, items);
    }

    /// <summary>The new account, or null when the phone number is taken.</summary>
    public async Task<UserAccount?> CreateAsync(string phone, string password, IEnumerable<string> roles)
    {
        var user = new UserAccount { Id = Ids.New("u"), Phone = phone, Roles = Roles.Join(roles), CreatedMs = UnixTime.Ms(time.GetUtcNow()), SecurityStamp = SecurityStamps.New() };
        user = new UserAccount { Id = user.Id, Phone = phone, Roles = user.Roles, CreatedMs = user.CreatedMs, SecurityStamp = user.SecurityStamp, PasswordHash = hasher.HashPassword(user, password) };
        var inserted = await writer.WriteAsync((c, t) => c.Execute(
            "INSERT INTO app_user (id, phone, password_hash, roles, created_ms, security_stamp) VALUES (@Id, @Phone, @PasswordHash, @Roles, @CreatedMs, @SecurityStamp) ON CONFLICT (phone) DO NOTHING",
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
        return Matches(user, password) ? user : null;
    }

    public bool Matches(UserAccount user, string password) => hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;

    /// <summary>A role that follows from the user's own action (an approved store, a promoter link): their sessions go on.</summary>
    public Task<bool> AddRoleAsync(string id, string role) => ChangeRolesAsync(id, roles => roles.Append(role), endSessions: false);

    /// <summary>An admin's grant: the user's tokens stop working, so the next sign-in carries exactly the roles they hold.</summary>
    public Task<bool> GrantRoleAsync(string id, string role) => ChangeRolesAsync(id, roles => roles.Append(role), endSessions: true);

    /// <summary>An admin's revocation: the user's tokens, which still name the role, stop working at once.</summary>
    public Task<bool> RevokeRoleAsync(string id, string role) => ChangeRolesAsync(id, roles => roles.Where(r => r != role), endSessions: true);

    public async Task<bool> HasRoleAsync(string id, string role) => (await FindAsync(id))?.RoleList.Contains(role) == true;

    /// <summary>The account with its new password and stamp (its other tokens stop working), or null when it does not exist.</summary>
    public async Task<UserAccount?> ChangePasswordAsync(UserAccount user, string password)
    {
        var changed = new UserAccount
        {
            Id = user.Id, Phone = user.Phone, Roles = user.Roles, CreatedMs = user.CreatedMs, SecurityStamp = SecurityStamps.New(),
            PasswordHash = hasher.HashPassword(user, password),
        };
        var updated = await writer.WriteAsync((c, t) =>
        {
            var rows = c.Execute("UPDATE app_user SET password_hash = @PasswordHash, security_stamp = @SecurityStamp WHERE id = @Id", changed, t);
            if (rows == 1) stamps.Changed(changed.Id, changed.SecurityStamp);
            return rows;
        });
        return updated == 1 ? changed : null;
    }

    /// <summary>Every token of the user stops working; false when the account does not exist.</summary>
    public Task<bool> EndSessionsAsync(string id) =>
        writer.WriteAsync((c, t) => NewStamp(c, t, id));

    /// <summary>Read and write in one writer change, so two role changes at once both stick.</summary>
    private Task<bool> ChangeRolesAsync(string id, Func<IEnumerable<string>, IEnumerable<string>> change, bool endSessions) =>
        writer.WriteAsync((c, t) => ChangeRoles(c, t, id, change) && (!endSessions || NewStamp(c, t, id)));

    /// <summary>The user gets <paramref name="role"/> in another write's transaction (a paid grant's, in the journal's), sessions kept.</summary>
    public static Storage.Journal.AlongsideRows AddRoleRows(string id, string role) => (c, t) => ChangeRoles(c, t, id, roles => roles.Append(role));

    private static bool ChangeRoles(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, string id,
        Func<IEnumerable<string>, IEnumerable<string>> change)
    {
        var roles = connection.QuerySingleOrDefault<string>("SELECT roles FROM app_user WHERE id = @id", new { id }, transaction);
        if (roles is null) return false;
        connection.Execute("UPDATE app_user SET roles = @roles WHERE id = @id", new { id, roles = Roles.Join(change(Roles.Split(roles))) }, transaction);
        return true;
    }

    /// <summary>Inside a writer change, so <see cref="SecurityStamps"/> follows the table in write order.</summary>
    private bool NewStamp(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, string id)
    {
        var stamp = SecurityStamps.New();
        if (connection.Execute("UPDATE app_user SET security_stamp = @stamp WHERE id = @id", new { id, stamp }, transaction) != 1) return false;
        stamps.Changed(id, stamp);
        return true;
    }
}
