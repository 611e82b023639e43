using ValuePool.Core.Engine;

namespace ValuePool.Core.Replay;

/// <summary>
/// docs/REPLAY.md: applies a file of events to a fresh engine with the default configuration. The first
/// bad line stops the run; since the engine is then discarded, nothing of the file is applied.
/// </summary>
public static class ReplayRunner
{
    public static ValuePoolEngine? Run(TextReader input, out ReplayError? error)
    {
        var engine = new ValuePoolEngine();
        var lineNumber = 0;
        error = null;
        while (input.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                var command = ReplayLineParser.Parse(line, engine.Config);
                if (command is Configure && engine.Orders > 0) throw new ReplayLineParser.BadLineException(CommandResult.ConfigAfterFirstOrder.Describe());
                var result = engine.Apply(command);
                if (!result.IsAccepted()) throw new ReplayLineParser.BadLineException(result.Describe());
            }
            catch (ReplayLineParser.BadLineException bad)
            {
                error = new ReplayError(lineNumber, bad.Message);
                return null;
            }
        }
        return engine;
    }
}
