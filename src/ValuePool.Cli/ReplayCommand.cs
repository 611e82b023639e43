using System.ComponentModel;
using Spectre.Console.Cli;
using ValuePool.Core.Replay;

namespace ValuePool.Cli;

/// <summary>`valuepool replay FILE|-`: docs/REPLAY.md's black-box contract. Prints exactly the state JSON; a bad line exits 2.</summary>
public sealed class ReplayCommand(CliStreams streams) : Command<ReplayCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("a REPLAY.md event file, or - for standard input")]
        public string File { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Cli.WithReplayedEngine(settings.File, streams, engine =>
        {
            streams.Out.WriteLine(StateJson.Write(engine));
            return Cli.Ok;
        });
}
