namespace ValuePool.Cli;

/// <summary>The streams a command reads and writes; the tests pass their own.</summary>
public sealed record CliStreams(TextReader In, TextWriter Out, TextWriter Error);
