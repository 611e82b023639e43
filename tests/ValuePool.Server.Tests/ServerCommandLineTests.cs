using ValuePool.Server.Accounts;
using ValuePool.Server.Hosting;

namespace ValuePool.Server.Tests;

/// <summary>
/// The server's command line: <c>--create-admin PHONE</c> and <c>--help</c>. The password comes from
/// standard input here; these tests expect VALUEPOOL_ADMIN_PASSWORD to be unset.
/// </summary>
public sealed class ServerCommandLineTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("valuepool-create-admin-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Db => Path.Combine(_directory, "valuepool.db");

    private static (int ExitCode, string Stdout, string Stderr) Run(string stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = ServerCommandLine.Run(args, new StringReader(stdin), stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("--create-admin", "13900000001")]
    [InlineData("--create-admin=13900000001")]
    [InlineData("--reconcile", "2026-12-01")]
    [InlineData("--help")]
    [InlineData("-h")]
    public void TheServersOwnSwitches_AreHandled(params string[] args) => Assert.True(ServerCommandLine.Handles(args));

    [Theory]
    [InlineData]
    [InlineData("--db", "valuepool.db", "--urls", "http://127.0.0.1:5080")]
    [InlineData("--environment=Development", "--contentRoot=/tmp")]
    public void AnyOtherCommandLine_RunsTheServer(params string[] args) => Assert.False(ServerCommandLine.Handles(args));

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("--create-admin", "--help")]
    [InlineData("--create-admin", "13900000001", "--help")]
    public void Help_PrintsUsageOnStandardOutput_ExitsZero(params string[] args)
    {
        var (code, stdout, stderr) = Run("", args);
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Contains("--create-admin <PHONE>", stdout);
        Assert.Contains("VALUEPOOL_ADMIN_PASSWORD", stdout);
    }

    [Fact]
    public void CreateAdmin_CreatesTheAccount_ThenMakesAnExistingOneAdmin()
    {
        string[] args = ["--create-admin", "13900000001", "--db", Db, "--ValuePool:PasswordHashIterations=1000"];
        var (code, stdout, stderr) = Run("secret-password\n", args);
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Equal("created admin 13900000001" + Environment.NewLine, stdout);

        var (again, againStdout, _) = Run("another-password\n", [$"--create-admin=13900000001", $"--db={Db}"]);
        Assert.Equal(0, again);
        Assert.Equal("13900000001 is now an admin (password unchanged)" + Environment.NewLine, againStdout);
    }

    [Fact]
    public async Task AnAdminCreatedHere_IsAnAdminOfTheServer()
    {
        using var platform = new Platform();
        Assert.Equal(0, Run("secret-password\n", "--create-admin", "13900000009", "--db", platform.DbPath, "--ValuePool:PasswordHashIterations=1000").ExitCode);
        var account = await platform.Service<UserStore>().FindByPhoneAsync("13900000009");
        Assert.Contains(Roles.Admin, account!.RoleList);
    }

    [Theory]
    [InlineData("secret-password\n", "Option 'create-admin' is defined but no value has been provided", "--create-admin")]
    [InlineData("secret-password\n", "Expected an option value", "--create-admin=")]
    [InlineData("short\n", "at least 8 characters", "--create-admin", "13900000001")]
    [InlineData("", "at least 8 characters", "--create-admin", "13900000001")]
    public void BadUsage_OrAShortPassword_ExitsTwo_OnStandardError(string stdin, string message, params string[] args)
    {
        var (code, stdout, stderr) = Run(stdin, [.. args, "--db", Db]);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains(message, stderr);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public void Reconcile_RunsTheDayAndSaysWhatItFound_ExitingOneWithoutABill_AndTwoForABadDay()
    {
        var (code, stdout, _) = Run("", "--reconcile", "2026-12-01", "--db", Db, "--environment=Development", "--ValuePool:Payments:Provider=simulated");
        Assert.Equal(1, code);
        Assert.Contains("2026-12-01 simulated: unavailable, 0 bill lines, 0 matched (the simulated provider keeps no bill)", stdout);
        var (bad, _, stderr) = Run("", "--reconcile", "2026-13-01", "--db", Db);
        Assert.Equal(2, bad);
        Assert.Contains("--reconcile needs a DAY as yyyy-MM-dd", stderr);
    }
}
