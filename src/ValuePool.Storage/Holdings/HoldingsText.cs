using System.Globalization;
using System.Text;
using System.Text.Json;
using ValuePool.Core.Amounts;

namespace ValuePool.Storage.Holdings;

/// <summary>
/// A holdings snapshot as CSV or JSON text, one member a line, and the check of such a file against the journal: the
/// snapshot is rebuilt at the file's sequence and written again; the first line that differs is the problem. Every CSV
/// line carries the sequence, the journal hash and the price fraction, so a holder's line checks on its own.
/// </summary>
public static class HoldingsText
{
    public const string CsvHeader = "member,points,cash,shoppingPoints,sequence,journalHash,poolFen,pointsUnits";

    public static string Csv(HoldingsSnapshot snapshot)
    {
        var text = new StringBuilder(CsvHeader).Append('\n');
        var tail = $"{snapshot.Sequence},{snapshot.JournalHash},{Integer(snapshot.Price.PoolFen)},{Integer(snapshot.Price.PointsUnits)}";
        foreach (var line in snapshot.Lines)
            text.Append(CsvField(line.Member)).Append(',').Append(line.Points).Append(',').Append(line.Cash).Append(',')
                .Append(line.ShoppingPoints).Append(',').Append(tail).Append('\n');
        return text.ToString();
    }

    public static string Json(HoldingsSnapshot snapshot)
    {
        var text = new StringBuilder();
        text.Append($$"""{"sequence":{{snapshot.Sequence}},"journalHash":"{{snapshot.JournalHash}}","price":{"poolFen":{{Integer(snapshot.Price.PoolFen)}},"pointsUnits":{{Integer(snapshot.Price.PointsUnits)}},"display":"{{snapshot.Price}}"},"members":[""");
        for (var i = 0; i < snapshot.Lines.Count; i++) text.Append(i == 0 ? "\n" : ",\n").Append(JsonLine(snapshot.Lines[i]));
        return text.Append("\n]}\n").ToString();
    }

    /// <summary>One holder's line as a JSON object (the member endpoint's answer has the same fields).</summary>
    public static string JsonLine(HoldingsLine line)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("member", line.Member);
            json.WriteString("points", line.Points.ToString());
            json.WriteString("cash", line.Cash.ToString());
            json.WriteString("shoppingPoints", line.ShoppingPoints.ToString());
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// Why the CSV or JSON <paramref name="text"/> is not the journal's holdings snapshot at its sequence; null when it is.
    /// A CSV without lines names no sequence and cannot be checked.
    /// </summary>
    public static string? Verify(Journal.IJournalStore store, string text)
    {
        var isJson = text.TrimStart().StartsWith('{');
        if (SequenceOf(text, isJson) is not { } sequence) return "the file names no sequence: not a holdings snapshot (CSV or JSON), or one without members";
        if (HoldingsSnapshot.At(store, sequence, out var problem) is not { } snapshot) return problem;
        var expected = (isJson ? Json(snapshot) : Csv(snapshot)).Split('\n');
        var actual = text.Replace("\r\n", "\n").TrimStart('\uFEFF').Split('\n');
        for (var i = 0; i < Math.Max(expected.Length, actual.Length); i++)
        {
            var want = i < expected.Length ? expected[i] : "(nothing)";
            var got = i < actual.Length ? actual[i] : "(nothing)";
            if (want != got) return $"line {i + 1}: the journal at sequence {sequence} gives {want}, the file has {got}";
        }
        return null;
    }

    private static long? SequenceOf(string text, bool isJson)
    {
        if (isJson)
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                return document.RootElement.TryGetProperty("sequence", out var sequence) && sequence.TryGetInt64(out var value) ? value : null;
            }
            catch (JsonException) { return null; }
        }
        var lines = text.Replace("\r\n", "\n").TrimStart('\uFEFF').Split('\n');
        if (lines.Length < 2 || lines[0] != CsvHeader || lines[1].Length == 0) return null;
        // The sequence is the fourth field from the end: a member id may hold commas, but the fields after it never do.
        var fields = lines[1].Split(',');
        return fields.Length >= 8 && long.TryParse(fields[^4], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    private static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.</summary>
    private static string CsvField(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : $"\"{value.Replace("\"", "\"\"")}\"";
}
