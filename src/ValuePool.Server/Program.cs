using ValuePool.Server.Hosting;

if (ServerCommandLine.Handles(args)) return ServerCommandLine.Run(args, Console.In, Console.Out, Console.Error);

var builder = WebApplication.CreateBuilder(args);
builder.AddValuePool(args);
var app = builder.Build();
app.UseValuePool();
app.Run();
// 3 when the node stopped itself (a leader that lost its lease): its supervisor starts it again.
return Environment.ExitCode;

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
