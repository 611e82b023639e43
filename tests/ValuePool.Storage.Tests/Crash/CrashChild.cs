using System.Diagnostics;

namespace ValuePool.Storage.Tests.Crash;

/// <summary>The crash host as a child process: started, fed nothing, its acknowledgements collected, then killed with SIGKILL.</summary>
public sealed class CrashChild
{
    private readonly Process _process;
    private readonly List<long> _acknowledged = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstAcknowledgement = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CrashChild(string location, long first, long count)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "ValuePool.Storage.CrashHost.dll"), location, $"{first}", $"{count}"])
            start.ArgumentList.Add(argument);
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, line) => OnLine(line.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Waits until the child has recovered and begun submitting; false if it exited first.</summary>
    public async Task<bool> WaitReadyAsync(TimeSpan timeout)
    {
        var finished = await Task.WhenAny(_ready.Task, _process.WaitForExitAsync(), Task.Delay(timeout));
        return finished == _ready.Task;
    }

    /// <summary>Waits until the child has acknowledged a command; false if it exited or the time ran out first.</summary>
    public async Task<bool> WaitFirstAcknowledgementAsync(TimeSpan timeout)
    {
        var finished = await Task.WhenAny(_firstAcknowledgement.Task, _process.WaitForExitAsync(), Task.Delay(timeout));
        return finished == _firstAcknowledgement.Task;
    }

    /// <summary>SIGKILL: no chance to flush, close or finish a transaction.</summary>
    public IReadOnlyList<long> Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        lock (_acknowledged) return _acknowledged.ToList();
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        if (line == "ready") _ready.TrySetResult();
        else if (line.StartsWith("ack ", StringComparison.Ordinal))
        {
            lock (_acknowledged) _acknowledged.Add(long.Parse(line.AsSpan(4)));
            _firstAcknowledgement.TrySetResult();
        }
    }
}
