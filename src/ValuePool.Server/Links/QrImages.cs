using QRCoder;

namespace ValuePool.Server.Links;

/// <summary>QR codes of share links, as PNG or SVG (QRCoder; medium error correction survives a scuffed counter sticker).</summary>
public static class QrImages
{
    private const int PixelsPerModule = 8;

    public static IResult Render(string text, string format)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return format switch
        {
            "png" => TypedResults.File(new PngByteQRCode(data).GetGraphic(PixelsPerModule), "image/png"),
            _ => TypedResults.Text(new SvgQRCode(data).GetGraphic(PixelsPerModule), "image/svg+xml"),
        };
    }

    public static bool IsKnownFormat(string format) => format is "png" or "svg";
}
