using System.ComponentModel;
using Spectre.Console.Cli;

namespace ValuePool.Cli;

/// <summary>`valuepool audit tree FILE|-`: the referral tree's depth after a replay file (MODEL.md §3's live report).</summary>
public sealed class AuditTreeCommand(CliStreams streams) : Command<AuditTreeCommand.Settings>
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
            var stdout = streams.Out;
            var tree = engine.ReferralTree();
            stdout.WriteLine($"members: {tree.Members}, bound to a referrer: {tree.BoundMembers}, deepest level: {tree.MaxDepth}");
            for (var depth = 0; depth < tree.MembersByDepth.Count; depth++) stdout.WriteLine($"  depth {depth}: {tree.MembersByDepth[depth]}");
            stdout.WriteLine($"members at depth ≥ 3: {tree.MembersAtDepthThreeOrMore}");
            if (tree.MembersAtDepthThreeOrMore == 0) return Cli.Ok;
            stdout.WriteLine("[risk] referral-tree: the tree has three or more levels (Criminal Law art. 224-1 counts levels from 3 and people from 30)");
            return Cli.Findings;
        });
}
