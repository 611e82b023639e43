using MiniExcelLibs;

namespace ValuePool.Storage.Holdings;

/// <summary>
/// A holdings snapshot as an XLSX workbook (MiniExcel): the CSV's columns, amounts as the same decimal text so that a
/// spreadsheet shows exactly what the journal holds (no float rounding), one sheet named after the sequence.
/// </summary>
public static class HoldingsWorkbook
{
    public static byte[] Xlsx(HoldingsSnapshot snapshot)
    {
        var rows = snapshot.Lines.Select(line => new Dictionary<string, object>
        {
            ["member"] = line.Member,
            ["points"] = line.Points.ToString(),
            ["cash"] = line.Cash.ToString(),
            ["shoppingPoints"] = line.ShoppingPoints.ToString(),
            ["sequence"] = snapshot.Sequence,
            ["journalHash"] = snapshot.JournalHash,
            ["poolFen"] = snapshot.Price.PoolFen,
            ["pointsUnits"] = snapshot.Price.PointsUnits,
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: $"seq-{snapshot.Sequence}", excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
