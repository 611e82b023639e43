using System.Diagnostics;

namespace ValuePool.Server.Tests;

/// <summary>
/// Debian's Chromium for the browser tests, and fonts-noto-cjk for the console's Chinese, installed with apt when the machine
/// lacks them: a clean CI machine starts without them, and Playwright's own browser download is not reachable here. No test is
/// skipped for want of them.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";
    private const string CjkFont = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

    /// <summary>What the machine's closed network needs: without them Chromium keeps trying to reach Google's hosts.</summary>
    public static readonly string[] Arguments =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private static readonly Lazy<Task> Installed = new(InstallAsync);

    public static Task EnsureAsync() => Installed.Value;

    private static async Task InstallAsync()
    {
        var packages = (File.Exists(ExecutablePath) ? "" : " chromium") + (File.Exists(CjkFont) ? "" : " fonts-noto-cjk");
        if (packages.Length == 0) return;
        await AptAsync("update");
        await AptAsync($"install -y --no-install-recommends{packages}");
        if (!File.Exists(ExecutablePath)) throw new InvalidOperationException($"apt installed chromium, but {ExecutablePath} is missing");
    }

    private static async Task AptAsync(string arguments)
    {
        var start = new ProcessStartInfo("apt-get", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var apt = Process.Start(start)!;
        var (output, errors) = (apt.StandardOutput.ReadToEndAsync(), apt.StandardError.ReadToEndAsync());
        await apt.WaitForExitAsync();
        if (apt.ExitCode != 0)
            throw new InvalidOperationException($"the browser tests need Chromium: 'apt-get {arguments}' failed ({apt.ExitCode}): {await errors}{await output}");
    }
}
