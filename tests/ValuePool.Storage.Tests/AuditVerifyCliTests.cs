namespace ValuePool.Storage.Tests;

public sealed class AuditVerifyCliTests
{
    [Theory]
    [InlineData("/nonexistent/journal.db", "no such file")]
    [InlineData("postgres://postgres@127.0.0.1:1/", "expected postgres://user:password@host:port/database")]
    [InlineData("postgres://postgres@127.0.0.1:1/db?sslmode=none", "unknown option \"sslmode\"")]
    public void BadDatabase_ExitsTwo_WithAMessage(string location, string message)
    {
        var stderr = new StringWriter();
        var exit = ValuePool.Cli.Cli.Run(["audit", "verify", "--db", location], TextReader.Null, TextWriter.Null, stderr);
        Assert.Equal(2, exit);
        Assert.Contains(message, stderr.ToString());
    }
}
