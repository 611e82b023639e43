using ValuePool.Core.Amounts;
using ValuePool.Core.Configuration;
using ValuePool.Core.Engine;

namespace ValuePool.Storage.Codec;

/// <summary>
/// Command ↔ compact bytes: a tag, the time, then the fields. One switch each way, so a new command
/// is one tag, one case in <see cref="Encode"/> and one in <see cref="Decode"/> (a reflection test
/// fails for any <see cref="Command"/> without them). Tags are stored forever: never reuse one.
/// Layout: [tag:1][utc ticks:8][offset minutes:2][fields…]; strings are length-prefixed UTF-8.
/// </summary>
public static class CommandCodec
{
    /// <summary>Bytes before the fields: the tag and the time.</summary>
    private const int HeaderBytes = 1 + 8 + 2;

    private enum Tag : byte
    {
        Configure = 1,
        Consume = 2,
        Sell = 3,
        Subsidy = 4,
        RegisterStore = 5,
        AppointAgent = 6,
        Bind = 7,
    }

    public static byte[] Encode(Command command)
    {
        using var buffer = new MemoryStream(64);
        using var output = new BinaryWriter(buffer);
        output.Write((byte)TagOf(command));
        output.Write(command.At.UtcTicks);
        output.Write((short)command.At.TotalOffsetMinutes);
        switch (command)
        {
            case Configure c: output.Write(EngineConfigJson.Write(c.Config)); break;
            case Consume c: output.Write(c.Member); WriteOptional(output, c.Store); output.Write(c.Amount.Fen); break;
            case Sell s: output.Write(s.Member); output.Write(s.Points.Units); break;
            case Subsidy s: output.Write(s.Amount.Fen); output.Write(s.Source); break;
            case RegisterStore r: output.Write(r.Id); output.Write(r.Owner); WriteOptional(output, r.Recruiter); WriteRegion(output, r.Region); break;
            case AppointAgent a: output.Write(a.Member); output.Write((byte)a.Level); WriteRegion(output, a.Region); break;
            case Bind b: output.Write(b.Member); output.Write(b.Referrer); break;
        }
        output.Flush();
        return buffer.ToArray();
    }

    public static Command Decode(byte[] bytes)
    {
        using var input = new BinaryReader(new MemoryStream(bytes, writable: false));
        var tag = (Tag)input.ReadByte();
        var ticks = input.ReadInt64();
        var offset = TimeSpan.FromMinutes(input.ReadInt16());
        var at = new DateTimeOffset(ticks + offset.Ticks, offset);
        Command command = tag switch
        {
            Tag.Configure => new Configure(EngineConfigJson.Read(input.ReadString()), at),
            Tag.Consume => new Consume(input.ReadString(), ReadOptional(input), new Money(input.ReadInt64()), at),
            Tag.Sell => new Sell(input.ReadString(), new Points(input.ReadInt64()), at),
            Tag.Subsidy => new Subsidy(new Money(input.ReadInt64()), input.ReadString(), at),
            Tag.RegisterStore => new RegisterStore(input.ReadString(), input.ReadString(), ReadOptional(input), ReadRegion(input), at),
            Tag.AppointAgent => new AppointAgent(input.ReadString(), (AgentLevel)input.ReadByte(), ReadRegion(input), at),
            Tag.Bind => new Bind(input.ReadString(), input.ReadString(), at),
            _ => throw new InvalidDataException($"unknown command tag {(byte)tag}"),
        };
        if (input.BaseStream.Position != bytes.Length) throw new InvalidDataException($"{tag}: {bytes.Length - input.BaseStream.Position} trailing bytes");
        return command;
    }

    /// <summary>
    /// Whether two encoded commands ask for the same thing, ignoring their time: a client's retry
    /// arrives later than its first attempt, and a server may stamp each arrival, yet it is the same
    /// request. A different tag or any different field is a different request.
    /// </summary>
    public static bool SameRequest(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) =>
        a.Length == b.Length && a[0] == b[0] && a[HeaderBytes..].SequenceEqual(b[HeaderBytes..]);

    private static Tag TagOf(Command command) => command switch
    {
        Configure => Tag.Configure,
        Consume => Tag.Consume,
        Sell => Tag.Sell,
        Subsidy => Tag.Subsidy,
        RegisterStore => Tag.RegisterStore,
        AppointAgent => Tag.AppointAgent,
        Bind => Tag.Bind,
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "no codec tag for this command"),
    };

    private static void WriteOptional(BinaryWriter output, string? value)
    {
        output.Write(value is not null);
        if (value is not null) output.Write(value);
    }

    private static string? ReadOptional(BinaryReader input) => input.ReadBoolean() ? input.ReadString() : null;

    private static void WriteRegion(BinaryWriter output, Region region)
    {
        output.Write((byte)region.Parts.Count);
        foreach (var part in region.Parts) output.Write(part);
    }

    private static Region ReadRegion(BinaryReader input)
    {
        var parts = new string[input.ReadByte()];
        for (var i = 0; i < parts.Length; i++) parts[i] = input.ReadString();
        return new Region(parts);
    }
}
