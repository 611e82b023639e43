using Microsoft.Extensions.Options;

namespace ValuePool.Server.Hosting;

/// <summary>
/// Refuses a declared body above the limit with 413 before reading it. Kestrel enforces the same
/// limit on bodies without a length; this answers early and the same way under any server.
/// </summary>
public sealed class RequestBodyLimit(RequestDelegate next, IOptions<ServerOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > options.Value.RequestBodyBytesMax)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }
        return next(context);
    }
}
