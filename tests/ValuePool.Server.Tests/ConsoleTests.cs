using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ValuePool.Server.Tests;

/// <summary>The web console (web/, built by Vite into wwwroot) is served at the root and at its own paths; the API stays the API.</summary>
public sealed partial class ConsoleTests
{
    [Fact]
    public async Task TheRoot_ServesTheBuiltConsole_InChineseFirst_WithItsAssets()
    {
        await using var platform = new Platform();
        var client = platform.Anonymous();
        var html = await client.GetStringAsync("/");
        Assert.Contains("lang=\"zh-CN\"", html);
        Assert.Contains("本地生活消费增值平台", html);
        var assets = AssetPattern().Matches(html).Select(match => match.Groups[1].Value).ToArray();
        Assert.NotEmpty(assets);
        foreach (var asset in assets)
        {
            var response = await client.GetAsync(asset);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/favicon.svg")).StatusCode);
    }

    [Fact]
    public async Task TheConsolesOwnPaths_LoadTheConsole_ButUnknownApiPathsAreTheApis404()
    {
        await using var platform = new Platform();
        var client = platform.Anonymous();
        foreach (var path in new[] { "/pay/c_anything", "/join/p_anything", "/m/wallet", "/office/admin/rates" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("<div id=\"app\">", await response.Content.ReadAsStringAsync());
        }
        var api = await client.GetAsync("/api/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.NotEqual("text/html", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/assets/missing.js")).StatusCode);
    }

    /// <summary>
    /// The console's typed client is generated from web/src/api/openapi.json: it must be what the server serves. After an API
    /// change: <c>VALUEPOOL_UPDATE_OPENAPI=1 dotnet test --filter TheCommittedOpenApiDocument</c>, then <c>npm run gen:api</c> in web/
    /// (the Vitest suite checks that schema.d.ts was generated from it).
    /// </summary>
    [Fact]
    public async Task TheCommittedOpenApiDocument_IsWhatTheServerServes()
    {
        await using var platform = new Platform();
        var served = JsonNode.Parse(await platform.Anonymous().GetStringAsync("/openapi/v1.json"))!.AsObject();
        served.Remove("servers"); // the host the document was asked from
        var text = served.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        var file = Path.Combine(Repository.Web, "src", "api", "openapi.json");
        if (Environment.GetEnvironmentVariable("VALUEPOOL_UPDATE_OPENAPI") == "1") await File.WriteAllTextAsync(file, text);
        var committed = (await File.ReadAllTextAsync(file)).ReplaceLineEndings("\n");
        Assert.True(committed == text,
            "web/src/api/openapi.json is behind the server's /openapi/v1.json: run `VALUEPOOL_UPDATE_OPENAPI=1 dotnet test tests/ValuePool.Server.Tests " +
            "--filter TheCommittedOpenApiDocument` and `npm run gen:api` in web/, then commit both");
    }

    /// <summary>The console's Vitest suite (money formatting, i18n completeness, the client) and its type check, run here so CI runs them.</summary>
    [Fact]
    public async Task TheConsolesUnitTests_Pass()
    {
        var start = new ProcessStartInfo("npm", "test --silent") { WorkingDirectory = Repository.Web, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["CI"] = "true";
        start.Environment["NO_COLOR"] = "1";
        using var npm = Process.Start(start)!;
        var (output, errors) = (npm.StandardOutput.ReadToEndAsync(), npm.StandardError.ReadToEndAsync());
        await npm.WaitForExitAsync();
        Assert.True(npm.ExitCode == 0, $"npm test in web/ failed ({npm.ExitCode}):\n{await output}\n{await errors}");
        Assert.Matches(@"Tests\s+\d+ passed", await output);
    }

    /// <summary>Every value the engine can send (problem codes, reward kinds, history kinds) has a Chinese and an English text.</summary>
    [Fact]
    public void EveryEngineEnumValue_HasATranslation_InBothLocales()
    {
        var zh = File.ReadAllText(Path.Combine(Repository.Web, "src", "i18n", "zh-CN.ts"));
        var en = File.ReadAllText(Path.Combine(Repository.Web, "src", "i18n", "en.ts"));
        var commands = typeof(Core.Engine.Command).Assembly.GetTypes()
            .Where(type => type.IsSubclassOf(typeof(Core.Engine.Command)) && !type.IsAbstract).Select(type => type.Name);
        var expected = Enum.GetNames<Core.Engine.CommandResult>().Select(name => ("error", name))
            .Concat(Enum.GetNames<Core.Ledger.TransferKind>().Select(name => ("transfer", name)))
            .Concat(commands.Select(name => ("entry", name)));
        var missing = expected.Where(item => !Section(zh, item.Item1).Contains($" {item.Item2}:") || !Section(en, item.Item1).Contains($" {item.Item2}:"))
            .Select(item => $"{item.Item1}.{item.Item2}").ToArray();
        Assert.True(missing.Length == 0, "untranslated: " + string.Join(", ", missing));
    }

    private static string Section(string source, string name)
    {
        var start = source.IndexOf($"{name}: {{", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {name}");
        var end = SectionEnd().Match(source, start); // a line holding only the closing brace: texts may hold {placeholders}
        return source[start..end.Index];
    }

    [GeneratedRegex(@"\n\s*\},?\s*\n")]
    private static partial Regex SectionEnd();

    [GeneratedRegex("(?:src|href)=\"(/assets/[^\"]+)\"")]
    private static partial Regex AssetPattern();
}
