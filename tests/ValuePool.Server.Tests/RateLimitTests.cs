using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Routing;
using ValuePool.Server.Hosting;

namespace ValuePool.Server.Tests;

/// <summary>Registration and the money endpoints, limited per client address and per user (RequestRateLimits).</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task MoneyRequests_AreLimitedPerUser_WithRetryAfter_AndAnotherUserGoesOn()
    {
        await using var platform = new Platform(new() { ["ValuePool:RateLimits:MoneyRequestsPerUserPerMinute"] = "2" });
        var greedy = await platform.RegisterAsync();
        for (var i = 0; i < 2; i++)
            await (await greedy.SendAsync("/api/wallet/sell", new { points = "1.0000" })).AssertProblem(HttpStatusCode.UnprocessableEntity, "InsufficientPoints");
        var refused = await greedy.SendAsync("/api/wallet/sell", new { points = "1.0000" });
        await refused.AssertProblem(HttpStatusCode.TooManyRequests, "TooManyRequests");
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {refused.Headers.RetryAfter}");
        await (await greedy.SendAsync("/api/withdrawals", new { amount = "10.00" })).AssertProblem(HttpStatusCode.TooManyRequests, "TooManyRequests");
        await greedy.GetAsync("/api/wallet"); // reading is not limited

        var other = await platform.RegisterAsync();
        await (await other.SendAsync("/api/wallet/sell", new { points = "1.0000" })).AssertProblem(HttpStatusCode.UnprocessableEntity, "InsufficientPoints");
    }

    [Fact]
    public async Task MoneyRequests_AreLimitedPerClient_WhateverUserSendsThem()
    {
        await using var platform = new Platform(new() { ["ValuePool:RateLimits:MoneyRequestsPerClientPerMinute"] = "2" });
        var users = new[] { await platform.RegisterAsync(), await platform.RegisterAsync(), await platform.RegisterAsync() };
        var statuses = new List<HttpStatusCode>();
        foreach (var user in users) statuses.Add((await Sell(platform, user, "203.0.113.9")).StatusCode);
        Assert.Equal([HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Sell(platform, users[2], "198.51.100.9")).StatusCode);
    }

    [Fact]
    public async Task Registrations_AreLimitedPerClient()
    {
        await using var platform = new Platform(new() { ["ValuePool:RateLimits:RegistrationsPerClientPerHour"] = "2" });
        var client = platform.From("203.0.113.10");
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/accounts/register", new { phone = $"1380000000{i}", password = "password-1" })).StatusCode);
        var refused = await client.PostAsJsonAsync("/api/accounts/register", new { phone = "13800000009", password = "password-1" });
        await refused.AssertProblem(HttpStatusCode.TooManyRequests, "TooManyRequests");
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.Created, (await platform.From("198.51.100.10").PostAsJsonAsync("/api/accounts/register",
            new { phone = "13800000009", password = "password-1" })).StatusCode);
    }

    [Fact]
    public async Task EveryMoneyRoute_IsMapped_AndLimited()
    {
        await using var platform = new Platform(new() { ["ValuePool:RateLimits:MoneyRequestsPerClientPerMinute"] = "1" });
        var agent = await platform.UserWithRoleAsync("agent"); // the region purchase is for agents only
        var mapped = platform.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText?.TrimEnd('/')).ToHashSet();
        var address = 0;
        foreach (var route in RequestRateLimits.MoneyRoutes)
        {
            Assert.Contains(route, mapped);
            var client = platform.From($"203.0.113.{100 + address++}");
            client.DefaultRequestHeaders.Authorization = agent.Http.DefaultRequestHeaders.Authorization;
            var path = route.Replace("{id}", "x").Replace("{storeId}", "x");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.PostAsJsonAsync(path, new { })).StatusCode);
            await (await client.PostAsJsonAsync(path, new { })).AssertProblem(HttpStatusCode.TooManyRequests, "TooManyRequests");
        }
    }

    private static Task<HttpResponseMessage> Sell(Platform platform, User user, string address)
    {
        var client = platform.From(address);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.Http.DefaultRequestHeaders.Authorization!.Parameter);
        return client.PostAsJsonAsync("/api/wallet/sell", new { points = "1.0000" });
    }
}
