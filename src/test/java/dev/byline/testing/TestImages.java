package dev.byline.testing;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import javax.imageio.ImageIO;

/** Small pictures made in the test, including one with a camera's GPS position and rotation. */
public final class TestImages {
  private TestImages() {}

  /** A JPEG, left half red and right half blue, so orientation can be checked. */
  public static byte[] jpeg(int width, int height) {
    return encode(picture(width, height), "jpeg");
  }

  public static byte[] png(int width, int height) {
    return encode(picture(width, height), "png");
  }

  public static BufferedImage picture(int width, int height) {
    var img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    var g = img.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, width / 2, height);
    g.setColor(Color.BLUE);
    g.fillRect(width / 2, 0, width - width / 2, height);
    g.dispose();
    return img;
  }

  /** A JPEG carrying EXIF with an orientation and a GPS latitude (51° 30′ N), as phones write them. */
  public static byte[] jpegWithGps(int width, int height, int orientation) {
    var plain = jpeg(width, height);
    var tiff = ByteBuffer.allocate(92);
    tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
    tiff.putShort((short) 2);
    tiff.putShort((short) 0x0112)
        .putShort((short) 3)
        .putInt(1)
        .putShort((short) orientation)
        .putShort((short) 0);
    tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
    tiff.putInt(0);
    tiff.putShort((short) 2);
    tiff.putShort((short) 0x0001)
        .putShort((short) 2)
        .putInt(2)
        .put((byte) 'N')
        .put((byte) 0)
        .put((byte) 0)
        .put((byte) 0);
    tiff.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(68);
    tiff.putInt(0);
    tiff.putInt(51).putInt(1).putInt(30).putInt(1).putInt(0).putInt(1);
    var out = new ByteArrayOutputStream();
    out.write(0xFF);
    out.write(0xD8);
    int len = 2 + 6 + 92;
    out.writeBytes(new byte[] {
      (byte) 0xFF, (byte) 0xE1, (byte) (len >> 8), (byte) len, 'E', 'x', 'i', 'f', 0, 0
    });
    out.writeBytes(tiff.array());
    out.write(plain, 2, plain.length - 2);
    return out.toByteArray();
  }

  /**
   * A PNG that claims to be 50,000 × 50,000 pixels (2.5 gigapixels) in a few hundred bytes: a
   * decompression bomb.
   */
  public static byte[] pngBomb() {
    var png = png(8, 8);
    var b = ByteBuffer.wrap(png);
    b.putInt(16, 50_000).putInt(20, 50_000);
    var crc = new java.util.zip.CRC32();
    crc.update(png, 12, 17);
    b.putInt(29, (int) crc.getValue());
    return png;
  }

  private static byte[] encode(BufferedImage img, String format) {
    try {
      var out = new ByteArrayOutputStream();
      ImageIO.write(img, format, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
