using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ValuePool.Testing;

/// <summary>
/// A throwaway PostgreSQL 15 server for the test run: initdb and pg_ctl in a temp directory owned by
/// the postgres user (initdb refuses root), on a free loopback port, stopped and deleted at the end.
/// Each test gets its own schema, so tests share the server but never each other's data. Shared by the
/// test projects that run against PostgreSQL (each declares its own xunit collection for it).
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("valuepool-pg-");
    private int _schemas;

    public PostgresServer()
    {
        Port = FreePort();
        Run("chown", "-R", "postgres:postgres", _root.FullName);
        AsPostgres("initdb", "-D", DataDirectory, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8");
        AsPostgres("pg_ctl", "start", "-w", "-t", "60", "-D", DataDirectory, "-l", Path.Combine(_root.FullName, "server.log"),
            "-o", $"-p {Port} -k {_root.FullName} -c listen_addresses=127.0.0.1 -c max_connections=50");
    }

    public int Port { get; }

    private string DataDirectory => Path.Combine(_root.FullName, "data");

    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false";

    /// <summary>A new empty schema, as a postgres:// URI whose search_path points at it.</summary>
    public string NewSchemaUri()
    {
        var schema = $"test_{Interlocked.Increment(ref _schemas)}_{Guid.NewGuid():N}"[..24];
        Execute($"CREATE SCHEMA {schema}");
        return $"postgres://postgres@127.0.0.1:{Port}/postgres?search_path={schema}";
    }

    public void Execute(string sql, string? connectionString = null)
    {
        using var connection = new NpgsqlConnection(connectionString ?? AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        AsPostgres("pg_ctl", "stop", "-m", "immediate", "-w", "-D", DataDirectory);
        _root.Delete(recursive: true);
    }

    private void AsPostgres(string program, params string[] arguments) =>
        Run("runuser", ["-u", "postgres", "--", Path.Combine(BinDirectory, program), .. arguments]);

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {error} {output.Result}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
