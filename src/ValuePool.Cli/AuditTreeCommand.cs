using ValuePool.Core.Replay;

namespace ValuePool.Cli;

/// <summary>`valuepool audit tree FILE|-`: the referral tree's depth after a replay file (MODEL.md §3's live report).</summary>
public static class AuditTreeCommand
{
    public static int Run(string file, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var input = Cli.OpenInput(file, stdin, stderr);
        if (input is null) return Cli.BadInput;
        using (input == stdin ? null : input)
        {
            var engine = ReplayRunner.Run(input, out var error);
            if (engine is null) return Cli.Fail(stderr, $"{file}: {error}");
            var tree = engine.ReferralTree();
            stdout.WriteLine($"members: {tree.Members}, bound to a referrer: {tree.BoundMembers}, deepest level: {tree.MaxDepth}");
            for (var depth = 0; depth < tree.MembersByDepth.Count; depth++) stdout.WriteLine($"  depth {depth}: {tree.MembersByDepth[depth]}");
            stdout.WriteLine($"members at depth ≥ 3: {tree.MembersAtDepthThreeOrMore}");
            if (tree.MembersAtDepthThreeOrMore == 0) return Cli.Ok;
            stdout.WriteLine("[risk] referral-tree: the tree has three or more levels (Criminal Law art. 224-1 counts levels from 3 and people from 30)");
            return Cli.Findings;
        }
    }
}
