using System.Reflection;
using Spectre.Console.Cli;

namespace ValuePool.Cli;

/// <summary>
/// Sees each command line Spectre has parsed and bound, just before its command runs: notes that a
/// command was reached (so help asked for can be told from help shown for want of a command), and
/// refuses a value Spectre made up.
/// </summary>
internal sealed class ParsedCommandInterceptor : ICommandInterceptor
{
    /// <summary>
    /// Spectre.Console.Cli 0.57.2, in strict parsing, retries a command line that failed to parse with
    /// its default command's name inserted between the arguments, even in an app without one: an
    /// option missing its value (`audit verify --db`) then parses with this name as the value.
    /// </summary>
    private const string DefaultCommandName = "__default_command";

    public bool CommandRan { get; private set; }

    public void Intercept(CommandContext context, CommandSettings settings)
    {
        if (!context.Arguments.Contains(DefaultCommandName))
        {
            var madeUp = settings.GetType().GetProperties()
                .FirstOrDefault(property => property.PropertyType == typeof(string) && (string?)property.GetValue(settings) == DefaultCommandName);
            if (madeUp is not null)
            {
                var name = madeUp.GetCustomAttribute<CommandOptionAttribute>()?.LongNames.FirstOrDefault() ?? madeUp.Name;
                throw new UsageException($"Option '{name}' is defined but no value has been provided.");
            }
        }
        CommandRan = true;
    }
}

/// <summary>Bad usage found outside Spectre's parser; reported as Spectre's own errors are.</summary>
internal sealed class UsageException(string message) : Exception(message);
