using ValuePool.Server.Hosting;

if (AdminCommandLine.IsRequested(args)) return AdminCommandLine.Run(args);

var builder = WebApplication.CreateBuilder(args);
builder.AddValuePool(args);
var app = builder.Build();
app.UseValuePool();
app.Run();
return 0;

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
