namespace ValuePool.Core.Engine;

/// <summary>The shape of the real referral tree: how deep it goes and how many members sit three or more levels down.</summary>
public sealed record ReferralTreeReport(int Members, int BoundMembers, int MaxDepth, int MembersAtDepthThreeOrMore, IReadOnlyList<int> MembersByDepth);

public sealed partial class ValuePoolEngine
{
    /// <summary>
    /// MODEL.md §3's live report: a member's depth is the length of their chain of referrers (0 = nobody
    /// brought them). Pyramid-selling law counts levels, so the audit shows how many levels the real
    /// tree has, whatever the rewards are configured to pay. O(members): each depth is computed once.
    /// </summary>
    public ReferralTreeReport ReferralTree()
    {
        var depth = new int[_members.Count];
        Array.Fill(depth, -1);
        for (var member = 0; member < depth.Length; member++) DepthOf(member, depth);
        var byDepth = new int[depth.Length == 0 ? 1 : depth.Max() + 1];
        foreach (var d in depth) byDepth[d]++;
        return new ReferralTreeReport(depth.Length, depth.Count(d => d > 0), byDepth.Length - 1, depth.Count(d => d >= 3), byDepth);
    }

    /// <summary>Walks up to the first member whose depth is known, then fills in the way back down.</summary>
    private int DepthOf(int member, int[] depth)
    {
        var chain = new List<int>();
        var cursor = member;
        while (cursor != Member.NoReferrer && depth[cursor] < 0)
        {
            chain.Add(cursor);
            cursor = _members[cursor].Referrer;
        }
        var known = cursor == Member.NoReferrer ? -1 : depth[cursor];
        for (var i = chain.Count - 1; i >= 0; i--) depth[chain[i]] = ++known;
        return depth[member];
    }
}
