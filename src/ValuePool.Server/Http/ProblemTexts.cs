using Microsoft.AspNetCore.Mvc;

namespace ValuePool.Server.Http;

/// <summary>
/// The words of every problem details document that no endpoint wrote itself: the title of each status, and the code and
/// detail of the routing-level and model-binding ones (404 unmatched route, 405, 415, broken JSON, a duplicate key, a
/// body that does not bind), which the framework answers with an English title only. <see cref="Customize"/> is the
/// one problem-details customisation: it fills those in and sets <c>Content-Language</c> on every problem.
/// </summary>
public static class ProblemTexts
{
    public static Bilingual Title(int status) => status switch
    {
        StatusCodes.Status400BadRequest => new("请求有误", "Bad request"),
        StatusCodes.Status401Unauthorized => new("未登录或登录已失效", "Not signed in"),
        StatusCodes.Status403Forbidden => new("无权操作", "Forbidden"),
        StatusCodes.Status404NotFound => new("未找到", "Not found"),
        StatusCodes.Status405MethodNotAllowed => new("不支持的请求方法", "Method not allowed"),
        StatusCodes.Status409Conflict => new("与当前状态冲突", "Conflict"),
        StatusCodes.Status413PayloadTooLarge => new("请求内容过大", "Request too large"),
        StatusCodes.Status415UnsupportedMediaType => new("不支持的内容类型", "Unsupported media type"),
        StatusCodes.Status422UnprocessableEntity => new("无法完成操作", "Refused"),
        StatusCodes.Status429TooManyRequests => new("请求过于频繁", "Too many requests"),
        StatusCodes.Status503ServiceUnavailable => new("服务暂不可用", "Service unavailable"),
        >= 500 => new("服务器出错", "Server error"),
        _ => new("请求失败", "Request failed"),
    };

    /// <summary>Field messages are under <c>errors</c>; the title says where to look.</summary>
    public static readonly Bilingual ValidationTitle = new("请求中有字段填写有误", "One or more fields are invalid");

    /// <summary>The code and detail of a problem the framework answered (no endpoint gave it a <c>code</c>).</summary>
    public static (string Code, Bilingual Detail) Routing(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ("BadRequest", new(
            "请求无法读取：请检查 JSON 是否完整、字段是否重复、每个字段的类型是否正确（金额请写成字符串，如 \"100.00\"）",
            "the request could not be read: check that the JSON is complete, has no duplicate key, and that each field has its type (amounts are strings such as \"100.00\")")),
        StatusCodes.Status401Unauthorized => ("Unauthorized", new("请先登录；如已登录，登录可能已过期或已在别处退出，请重新登录",
            "sign in first: the token is missing, expired or was signed out")),
        StatusCodes.Status403Forbidden => ("Forbidden", new("您的账户没有执行此操作的权限", "your account's roles do not allow this")),
        StatusCodes.Status404NotFound => ("NotFound", new("请求的地址不存在", "nothing is at this address")),
        StatusCodes.Status405MethodNotAllowed => ("MethodNotAllowed", new("此地址不支持该请求方法", "this address does not take this method")),
        StatusCodes.Status413PayloadTooLarge => ("PayloadTooLarge", new("请求内容超过大小上限", "the request body is above the size limit")),
        StatusCodes.Status415UnsupportedMediaType => ("UnsupportedMediaType", new("请求内容须为 JSON（Content-Type: application/json）",
            "the request body must be JSON (Content-Type: application/json)")),
        StatusCodes.Status429TooManyRequests => ("TooManyRequests", new("请求过于频繁，请稍后再试", "too many requests: try again later")),
        >= 500 => ("ServerError", new("服务器出错了，请稍后再试", "the server failed: try again later")),
        _ => ("RequestFailed", new("请求未能完成", "the request was not completed")),
    };

    /// <summary>
    /// Runs for every problem the server writes (<see cref="ProblemDetailsOptions.CustomizeProblemDetails"/>): the
    /// language's <c>Content-Language</c>, and for a problem no endpoint wrote, its code, title and detail.
    /// </summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        context.HttpContext.Response.Headers.ContentLanguage = ProblemLanguage.Tag(ProblemLanguage.Current);
        if (problem.Extensions.ContainsKey("code")) return;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        var (code, detail) = Routing(status);
        problem.Extensions["code"] = code;
        problem.Title = Title(status).Text;
        problem.Detail = detail.Text;
    }
}
