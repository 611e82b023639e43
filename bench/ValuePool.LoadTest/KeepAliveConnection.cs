using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace ValuePool.LoadTest;

/// <summary>
/// One keep-alive HTTP/1.1 connection that sends a pre-built request and reads each response just far enough to know
/// its status and where it ends (<c>Content-Length</c> or chunked), as load generators such as wrk do. HttpClient's
/// own work per request (≈ 26 µs of CPU here, measured) was a fifth of this 2-core machine, which the server under test
/// shares; the generator's job is to cost the server's cores as little as it can.
/// </summary>
public sealed class KeepAliveConnection : IDisposable
{
    private static readonly byte[] HeadEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] LineEnd = "\r\n"u8.ToArray();
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start, _end; // the received bytes not read yet: _buffer[_start.._end]

    private KeepAliveConnection(Socket socket) => _socket = socket;

    public static async Task<KeepAliveConnection> OpenAsync(Uri server)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(server.Host, server.Port);
        return new KeepAliveConnection(socket);
    }

    /// <summary>The bytes of a request with a body, as this connection sends them.</summary>
    public static byte[] Request(Uri server, string method, string path, string bearerToken, byte[] jsonBody)
    {
        var head = $"{method} {path} HTTP/1.1\r\nHost: {server.Authority}\r\nAuthorization: Bearer {bearerToken}\r\n" +
                   $"Content-Type: application/json\r\nContent-Length: {jsonBody.Length}\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(head), .. jsonBody];
    }

    /// <summary>Sends <paramref name="request"/> and returns the response's status code once the whole response has arrived.</summary>
    public async Task<int> SendAsync(byte[] request)
    {
        await _socket.SendAsync(request, SocketFlags.None);
        var headLength = await FindAsync(HeadEnd);
        var head = Encoding.ASCII.GetString(_buffer, _start, headLength);
        _start += headLength + HeadEnd.Length;
        if (head.Length < 12 || !head.StartsWith("HTTP/1.1 ", StringComparison.Ordinal)) throw new InvalidDataException($"not an HTTP/1.1 response: {head}");
        var status = int.Parse(head.AsSpan(9, 3), CultureInfo.InvariantCulture);
        if (Header(head, "Transfer-Encoding") is { } encoding && encoding.Equals("chunked", StringComparison.OrdinalIgnoreCase)) await SkipChunksAsync();
        else if (Header(head, "Content-Length") is { } length) await SkipAsync(long.Parse(length, CultureInfo.InvariantCulture));
        return status;
    }

    public void Dispose() => _socket.Dispose();

    private static string? Header(string head, string name)
    {
        var at = head.IndexOf("\r\n" + name + ":", StringComparison.OrdinalIgnoreCase);
        if (at < 0) return null;
        var valueStart = at + name.Length + 3;
        var valueEnd = head.IndexOf("\r\n", valueStart, StringComparison.Ordinal);
        return head[valueStart..(valueEnd < 0 ? head.Length : valueEnd)].Trim();
    }

    /// <summary>A chunked body: hex size lines, each chunk followed by CRLF, a zero-size chunk, trailers, an empty line.</summary>
    private async Task SkipChunksAsync()
    {
        while (true)
        {
            var lineLength = await FindAsync(LineEnd);
            var sizeText = _buffer.AsSpan(_start, lineLength);
            var extension = sizeText.IndexOf((byte)';');
            var size = long.Parse(Encoding.ASCII.GetString(extension < 0 ? sizeText : sizeText[..extension]), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            _start += lineLength + LineEnd.Length;
            if (size > 0) { await SkipAsync(size + LineEnd.Length); continue; }
            while (await FindAsync(LineEnd) is var trailerLength)
            {
                _start += trailerLength + LineEnd.Length;
                if (trailerLength == 0) return;
            }
        }
    }

    /// <summary>Where <paramref name="pattern"/> starts, counted from the first unread byte, receiving more as needed.</summary>
    private async Task<int> FindAsync(byte[] pattern)
    {
        var searched = 0;
        while (true)
        {
            var at = _buffer.AsSpan(_start + searched, _end - _start - searched).IndexOf(pattern);
            if (at >= 0) return searched + at;
            searched = Math.Max(0, _end - _start - pattern.Length + 1);
            await ReceiveAsync();
        }
    }

    private async Task SkipAsync(long count)
    {
        while (count > 0)
        {
            if (_end == _start) await ReceiveAsync();
            var skipped = (int)Math.Min(count, _end - _start);
            _start += skipped;
            count -= skipped;
        }
    }

    private async Task ReceiveAsync()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            (_end, _start) = (_end - _start, 0);
        }
        if (_end == _buffer.Length) throw new InvalidDataException("a response head or chunk line longer than the buffer");
        var received = await _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None);
        if (received == 0) throw new IOException("the server closed the connection");
        _end += received;
    }
}
