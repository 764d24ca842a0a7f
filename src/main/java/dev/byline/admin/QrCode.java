package dev.byline.admin;

import io.nayuki.qrcodegen.QrCode.Ecc;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A QR code as an SVG {@code data:} URI for an {@code <img>} (the admin's Content-Security-Policy
 * allows {@code data:} images and no inline script), so a phone can read an {@code otpauth://}
 * link off the screen.
 */
final class QrCode {
  /** Quiet zone in modules around the code, as the QR standard asks. */
  static final int BORDER = 4;

  private QrCode() {}

  static String svgDataUri(String text) {
    var qr = io.nayuki.qrcodegen.QrCode.encodeText(text, Ecc.MEDIUM);
    int size = qr.size + BORDER * 2;
    var path = new StringBuilder();
    for (int y = 0; y < qr.size; y++) {
      for (int x = 0; x < qr.size; x++) {
        if (qr.getModule(x, y))
          path.append('M').append(x + BORDER).append(',').append(y + BORDER).append("h1v1h-1z");
      }
    }
    var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
        + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
        + "<path d=\"" + path + "\" fill=\"#000\"/></svg>";
    return "data:image/svg+xml;base64,"
        + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
  }
}
