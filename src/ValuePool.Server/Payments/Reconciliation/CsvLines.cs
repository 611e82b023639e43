namespace ValuePool.Server.Payments.Reconciliation;

/// <summary>
/// The CSV of the providers' bills: comma-separated fields, none quoted with commas inside (WeChat Pay prefixes each field
/// with a backtick so spreadsheets keep numbers as text; it is removed). Columns are found by their header's name, so an
/// added or reordered column does not shift the others.
/// </summary>
public sealed class CsvLines(string[] header)
{
    public static string[] Fields(string line) => line.Split(',').Select(f => f.Trim().TrimStart('`').Trim()).ToArray();

    public int Column(string name) => Array.FindIndex(header, h => h.Trim() == name);

    public static string? At(string[] fields, int column) => column >= 0 && column < fields.Length ? fields[column] : null;
}
