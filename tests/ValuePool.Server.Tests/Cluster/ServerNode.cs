using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace ValuePool.Server.Tests.Cluster;

/// <summary>
/// The real server as a child process (<c>dotnet ValuePool.Server.dll</c>, copied beside the tests) on a loopback port of
/// its own, advertising that address; started again on the same port after a kill. Its output is kept for a failure's message.
/// </summary>
public sealed class ServerNode : IDisposable
{
    public const string AdminPhone = "10000000000";
    public const string AdminPassword = "cluster-admin";

    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly string _db;
    private readonly string _directory;
    private readonly List<string> _output = [];
    private Process? _process;

    public ServerNode(string name, string db, string directory)
    {
        (Name, _db, _directory) = (name, db, directory);
        Url = $"http://127.0.0.1:{FreePort()}";
    }

    public string Name { get; }
    public string Url { get; }

    public string Output { get { lock (_output) return string.Join('\n', _output.TakeLast(40)); } }

    public bool HasExited => _process is null || _process.HasExited;

    public int ExitCode => _process!.ExitCode;

    public void Start()
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _directory };
        foreach (var argument in (string[])
        [
            Path.Combine(AppContext.BaseDirectory, "ValuePool.Server.dll"), $"--urls={Url}", $"--ValuePool:Db={_db}", $"--ValuePool:AdvertisedUrl={Url}",
            $"--ValuePool:DataProtectionKeysDirectory={Path.Combine(_directory, "keys")}", $"--ValuePool:Admin:Phone={AdminPhone}",
            $"--ValuePool:Admin:Password={AdminPassword}", "--ValuePool:PasswordHashIterations=1000", "--ValuePool:LoginAttemptsPerMinute=100000",
            "--ValuePool:RateLimits:RegistrationsPerClientPerHour=0", "--ValuePool:RateLimits:MoneyRequestsPerClientPerMinute=0",
            "--ValuePool:RateLimits:MoneyRequestsPerUserPerMinute=0", "--ValuePool:Payments:Provider=simulated", "--ValuePool:DueCheckSeconds=1",
            "--environment=Cluster", "--Logging:LogLevel:Default=Warning",
        ])
            start.ArgumentList.Add(argument);
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>SIGKILL: no chance to finish a batch, write projections or release anything but by the kernel closing its sockets.</summary>
    public void Kill()
    {
        _process!.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public Task WaitForExitAsync(TimeSpan limit) => _process!.WaitForExitAsync().WaitAsync(limit);

    /// <summary>Its <c>/health</c> answer: status code and body, or null while it does not answer.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)?> HealthAsync()
    {
        try
        {
            using var response = await Probe.GetAsync(Url + "/health");
            return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException) { return null; }
    }

    public async Task<string?> RoleAsync() =>
        await HealthAsync() is ({ } status, var body) && status == HttpStatusCode.OK ? body.GetProperty("role").GetString() : null;

    /// <summary>Waits until it answers <c>/health</c> with 200; throws with its output if it exits or the time runs out.</summary>
    public async Task WaitHealthyAsync(TimeSpan limit)
    {
        var waited = Stopwatch.StartNew();
        while (await RoleAsync() is null)
        {
            if (HasExited) throw new InvalidOperationException($"{Name} exited {ExitCode}:\n{Output}");
            if (waited.Elapsed > limit) throw new TimeoutException($"{Name} not healthy after {limit}:\n{Output}");
            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        if (!HasExited) Kill();
        _process?.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output) _output.Add(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
