using System.Globalization;

namespace ValuePool.Server.Http;

/// <summary>One page of a list: <c>total</c> counts every item the filters match, <c>page</c> is 1-based.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

/// <summary>
/// A list's query as the back office sends it: <c>page</c> (1-based), <c>pageSize</c> (default 20, at most 200), <c>q</c> (search)
/// and <c>sort</c>, one of the list's keys (<see cref="SortKeys"/>), <c>-</c> first for descending.
/// </summary>
public sealed record ListQuery(int Page, int PageSize, string? Search, string SortKey, bool Descending)
{
    public const int PageSizeDefault = 20;
    public const int PageSizeMax = 200;
    public const int SearchLengthMax = 100;

    public int Offset => (Page - 1) * PageSize;

    /// <summary>Reads the four parameters; an invalid one is a field error named after it and the defaults stand in.</summary>
    public static ListQuery Read(string? page, string? pageSize, string? q, string? sort, SortKeys keys, FieldErrors errors)
    {
        var pageNumber = ReadNumber("page", page, 1, int.MaxValue / PageSizeMax, 1, errors);
        var size = ReadNumber("pageSize", pageSize, 1, PageSizeMax, PageSizeDefault, errors);
        string? search = null;
        if (!string.IsNullOrWhiteSpace(q))
        {
            if (q.Length > SearchLengthMax) errors.Add("q", FieldErrors.AtMostCharacters(SearchLengthMax));
            else if (q.Any(FieldErrors.IsInvisibleControl)) errors.Add("q", new("不能包含控制字符", "no control characters"));
            else search = q.Trim();
        }
        var (key, descending) = keys.Default;
        if (sort is not null)
        {
            var descendingAsked = sort.StartsWith('-');
            var name = descendingAsked ? sort[1..] : sort;
            if (keys.Names.Contains(name)) (key, descending) = (name, descendingAsked);
            else
            {
                var choices = string.Join(", ", keys.Names.SelectMany(n => new[] { n, "-" + n }));
                errors.Add("sort", new($"须为以下之一：{choices}", "one of " + choices));
            }
        }
        return new ListQuery(pageNumber, size, search, key, descending);
    }

    private static int ReadNumber(string field, string? text, int min, int max, int absent, FieldErrors errors)
    {
        if (text is null) return absent;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            errors.Add(field, new($"须为 {min} 到 {max} 之间的整数", $"a whole number from {min} to {max}"));
            return absent;
        }
        return value;
    }

    /// <summary>The SQL pattern of <see cref="Search"/> for <c>LOWER(column) LIKE @pattern ESCAPE '\'</c>: a substring, wildcards taken literally.</summary>
    public string? SearchPattern => Search is null
        ? null
        : "%" + Search.ToLowerInvariant().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";

    /// <summary>An ORDER BY for the chosen key's column (from the list's own whitelist, never the request's text), ties broken by id.</summary>
    public string OrderBy(IReadOnlyDictionary<string, string> columns, string idColumn = "id") =>
        $"{columns[SortKey]} {(Descending ? "DESC" : "ASC")}, {idColumn} {(Descending ? "DESC" : "ASC")}";

    public bool Matches(params string?[] texts) =>
        Search is null || texts.Any(text => text is not null && text.Contains(Search, StringComparison.OrdinalIgnoreCase));

    /// <summary>Sorts, counts and pages a list held in memory (the engine's).</summary>
    public Paged<TOut> PageOf<T, TOut>(IEnumerable<T> matching, IReadOnlyDictionary<string, Func<T, IComparable>> keys, Func<T, string> id, Func<T, TOut> describe)
    {
        var all = Sorted(matching, keys, id).ToList();
        return new Paged<TOut>(all.Skip(Offset).Take(PageSize).Select(describe).ToArray(), all.Count, Page, PageSize);
    }

    public IOrderedEnumerable<T> Sorted<T>(IEnumerable<T> matching, IReadOnlyDictionary<string, Func<T, IComparable>> keys, Func<T, string> id) =>
        Descending
            ? matching.OrderByDescending(keys[SortKey]).ThenByDescending(id, StringComparer.Ordinal)
            : matching.OrderBy(keys[SortKey]).ThenBy(id, StringComparer.Ordinal);

    public Paged<T> PageOf<T>(IReadOnlyList<T> items, long total) => new(items, checked((int)total), Page, PageSize);
}

/// <summary>A list's sort keys and its default (e.g. newest first).</summary>
public sealed record SortKeys(IReadOnlyList<string> Names, (string Key, bool Descending) Default);
