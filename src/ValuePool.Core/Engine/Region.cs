namespace ValuePool.Core.Engine;

/// <summary>A place: [province], [province, city] or [province, city, district].</summary>
public sealed record Region
{
    public IReadOnlyList<string> Parts { get; }

    public Region(IReadOnlyList<string> parts)
    {
        if (parts.Count is < 1 or > 3) throw new ArgumentException("a region has 1 to 3 parts", nameof(parts));
        if (parts.Any(string.IsNullOrWhiteSpace)) throw new ArgumentException("region parts must not be empty", nameof(parts));
        Parts = parts.ToArray();
    }

    /// <summary>The enclosing region with <paramref name="depth"/> parts.</summary>
    public string Path(int depth) => string.Join('/', Parts.Take(depth));

    public bool Equals(Region? other) => other is not null && Parts.SequenceEqual(other.Parts);
    public override int GetHashCode() => Path(Parts.Count).GetHashCode(StringComparison.Ordinal);
    public override string ToString() => Path(Parts.Count);
}
