namespace ValuePool.Simulation.Reporting;

/// <summary>One rendered chart: its file name in the report folder, its PNG bytes, and its bilingual caption.</summary>
public sealed record Chart(string FileName, byte[] Png, string CaptionZh, string CaptionEn);
