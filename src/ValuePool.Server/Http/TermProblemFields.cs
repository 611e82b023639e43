using ValuePool.Core.Stores;

namespace ValuePool.Server.Http;

public static class TermProblemFields
{
    /// <summary>Each term outside its bounds as a field error, under the request's name for it (<paramref name="prefix"/> + field).</summary>
    public static void AddAll(this FieldErrors errors, IReadOnlyList<TermProblem> problems, string prefix = "")
    {
        foreach (var problem in problems) errors.Add(prefix + problem.Field, problem.Problem);
    }
}
