using Spectre.Console;
using Spectre.Console.Cli;

namespace ValuePool.Server.Hosting;

/// <summary>
/// The server's own command line, parsed by Spectre.Console.Cli as the `valuepool` CLI is:
/// <c>--create-admin PHONE</c> (<see cref="CreateAdminCommand"/>), <c>--reconcile DAY</c> (<see cref="ReconcileCommand"/>) and <c>--help</c>. Any other command
/// line runs the server, its options read as configuration by ASP.NET.
/// </summary>
public static class ServerCommandLine
{
    private static readonly string[] HelpSwitches = ["-h", "--help", "-?"];

    public static bool Handles(string[] args) =>
        args.Any(arg => arg.Split('=', ':')[0] is CreateAdminCommand.Switch or ReconcileCommand.Switch || HelpSwitches.Contains(arg));

    /// <summary>Exit 0 done or help shown; 2 bad usage or a refused password.</summary>
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        ICommandApp app = args.Any(arg => arg.Split('=', ':')[0] == ReconcileCommand.Switch) && !args.Any(HelpSwitches.Contains)
            ? new CommandApp<ReconcileCommand>()
            : new CommandApp<CreateAdminCommand>();
        app.Configure(config =>
        {
            config.SetApplicationName("dotnet run --project src/ValuePool.Server --");
            config.ConfigureConsole(AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
                Out = new AnsiConsoleOutput(stdout),
            }));
            // Relaxed, not strict: the server's configuration options (--db, --urls, --Section:Key=value)
            // are not declared here; they reach the host as given.
            config.PropagateExceptions();
            config.Settings.Registrar.RegisterInstance(new CommandLineStreams(stdin, stdout, stderr));
        });
        try
        {
            // --help anywhere shows help, even after a --create-admin still missing its phone, which
            // Spectre would report first.
            return app.Run(args.Any(HelpSwitches.Contains) ? ["--help"] : args);
        }
        catch (CommandAppException e)
        {
            stderr.WriteLine(e.Message);
            stderr.WriteLine($"usage: {CreateAdminCommand.Switch} PHONE [server options]   (password from VALUEPOOL_ADMIN_PASSWORD or standard input); " +
                $"{ReconcileCommand.Switch} yyyy-MM-dd [server options]; --help");
            return 2;
        }
    }
}

/// <summary>The streams a command-line command reads and writes; the tests pass their own.</summary>
public sealed record CommandLineStreams(TextReader In, TextWriter Out, TextWriter Error);
