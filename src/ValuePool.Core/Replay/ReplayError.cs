namespace ValuePool.Core.Replay;

/// <summary>Why a replay file was refused: the 1-based line and the reason.</summary>
public sealed record ReplayError(int Line, string Reason)
{
    public override string ToString() => $"line {Line}: {Reason}";
}
