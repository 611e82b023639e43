using System.Data;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using MiniExcelLibs;
using MiniExcelLibs.Csv;

namespace ValuePool.Server.Http;

/// <summary>One column of an export: its Chinese header and the value of a row (numbers stay numbers in a spreadsheet).</summary>
public sealed record ExportColumn<T>(string Header, Type Type, Func<T, object?> Value)
{
    public static ExportColumn<T> Text(string header, Func<T, string?> value) => new(header, typeof(string), value);
    public static ExportColumn<T> Yuan(string header, Func<T, long> fen) => new(header, typeof(decimal), row => fen(row) / 100m);
    /// <summary>An amount the API already wrote as yuan ("20.00"), read back exactly as a decimal.</summary>
    public static ExportColumn<T> YuanText(string header, Func<T, string> yuan) =>
        new(header, typeof(decimal), row => decimal.Parse(yuan(row), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
    public static ExportColumn<T> Time(string header, Func<T, DateTimeOffset?> at) => new(header, typeof(string), row => Exports.ChinaTime(at(row)));
}

/// <summary>
/// The back office's CSV and XLSX exports (MiniExcel): the list's own filters and sort, at most <see cref="RowsMax"/> rows, headers in
/// Chinese. The CSV starts with a UTF-8 byte-order mark, without which Excel reads its Chinese as another encoding.
/// </summary>
public static class Exports
{
    public const int RowsMax = 10_000;
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>The format named by <c>format</c>: <c>csv</c> or <c>xlsx</c> (400 naming the field otherwise).</summary>
    public static ExcelType Format(string? format, FieldErrors errors)
    {
        switch (format)
        {
            case "csv": return ExcelType.CSV;
            case "xlsx": return ExcelType.XLSX;
            default:
                errors.Add("format", new("须为 csv 或 xlsx", "csv or xlsx"));
                return ExcelType.UNKNOWN;
        }
    }

    /// <summary>Times as China Standard Time (UTC+8), the back office's clock: "2026-03-01 14:05:09".</summary>
    public static string? ChinaTime(DateTimeOffset? at) => at?.ToOffset(China).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static FileContentHttpResult File<T>(string name, ExcelType type, IReadOnlyList<ExportColumn<T>> columns, IEnumerable<T> rows)
    {
        var table = new DataTable(name);
        foreach (var column in columns) table.Columns.Add(column.Header, column.Type);
        foreach (var row in rows) table.Rows.Add(columns.Select(column => column.Value(row) ?? DBNull.Value).ToArray());
        using var stream = new MemoryStream();
        if (type == ExcelType.CSV)
        {
            var bom = Encoding.UTF8.GetPreamble();
            stream.Write(bom);
            stream.SaveAs(table, excelType: ExcelType.CSV, configuration: new CsvConfiguration { StreamWriterFunc = s => new StreamWriter(s, new UTF8Encoding(false)) });
        }
        else stream.SaveAs(table, sheetName: name, excelType: ExcelType.XLSX);
        var (contentType, extension) = type == ExcelType.CSV
            ? ("text/csv; charset=utf-8", "csv")
            : ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");
        return TypedResults.File(stream.ToArray(), contentType, $"{name}-{DateTimeOffset.UtcNow.ToOffset(China):yyyyMMdd-HHmmss}.{extension}");
    }

    /// <summary>The Chinese name of a status the API writes in English (orders, stores, withdrawals).</summary>
    public static string StatusText(string status) => status switch
    {
        "created" => "待支付",
        "paid" => "已支付",
        "completing" => "完成中",
        "completed" => "已完成",
        "refunded" => "已退款",
        "pending" => "待审核",
        "approved" => "已通过",
        "rejected" => "已拒绝",
        _ => status,
    };
}
