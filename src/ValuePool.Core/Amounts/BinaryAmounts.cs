namespace ValuePool.Core.Amounts;

/// <summary>Optional amounts in the binary formats of the journal and snapshots: a presence flag, then the fen.</summary>
public static class BinaryAmounts
{
    public static void WriteOptional(this BinaryWriter output, Money? money)
    {
        output.Write(money is not null);
        if (money is { } present) output.Write(present.Fen);
    }

    public static Money? ReadOptionalMoney(this BinaryReader input) => input.ReadBoolean() ? new Money(input.ReadInt64()) : null;
}
