package dev.byline.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Decodes an image safely and re-encodes it at the widths pages ask for. Dimensions are read
 * from the header before any pixel is decoded, so a small file that claims to be huge (a
 * decompression bomb) is refused before it can take the heap.
 */
public final class ImageVariants {
  /** Widths for srcset: phone, phablet, article column, wide column, retina column. */
  public static final int[] WIDTHS = {320, 640, 960, 1280, 1600};
  /** 40 megapixels: above any press camera's output, below what would threaten the heap. */
  public static final long MAX_PIXELS = 40_000_000L;

  public static final int MAX_SIDE = 12_000;
  /** Good-looking photos at about a tenth of their PNG size. */
  static final float JPEG_QUALITY = 0.82f;

  /** An encoded variant before it is stored. */
  public record Encoded(int width, int height, String mime, String extension, byte[] bytes) {}

  /** A decoded original with its dimensions. */
  public record Decoded(BufferedImage image, int width, int height) {}

  private ImageVariants() {}

  public static Decoded decode(byte[] bytes, ImageFormat format) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      var readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new MediaException(format.name() + " images cannot be decoded on this server");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int w = reader.getWidth(0);
        int h = reader.getHeight(0);
        checkDimensions(w, h);
        var image = reader.read(0);
        return new Decoded(image, image.getWidth(), image.getHeight());
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof MediaException me) throw me;
      throw new MediaException(
          "the image cannot be read: "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
          e);
    }
  }

  static void checkDimensions(int w, int h) {
    if (w <= 0 || h <= 0) throw new MediaException("the image has no pixels");
    if (w > MAX_SIDE || h > MAX_SIDE || (long) w * h > MAX_PIXELS) {
      throw new MediaException("the image is " + w + "×" + h + " pixels; the limit is " + MAX_SIDE
          + " pixels a side and " + (MAX_PIXELS / 1_000_000) + " megapixels");
    }
  }

  /** Variants at each standard width up to the original's, plus the original width when smaller. */
  public static List<Encoded> encode(BufferedImage source) {
    var out = new ArrayList<Encoded>();
    int w = source.getWidth();
    boolean alpha = source.getColorModel().hasAlpha();
    for (int target : WIDTHS) {
      if (target >= w) break;
      out.add(encodeAt(source, target, alpha));
    }
    int last = Math.min(w, WIDTHS[WIDTHS.length - 1]);
    // An original wider than the widest variant already got that width in the loop.
    if (out.isEmpty() || out.get(out.size() - 1).width() != last)
      out.add(encodeAt(source, last, alpha));
    return out;
  }

  private static Encoded encodeAt(BufferedImage source, int width, boolean alpha) {
    int height = Math.max(1, Math.round((float) source.getHeight() * width / source.getWidth()));
    var scaled = new BufferedImage(
        width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = scaled.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      if (!alpha) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
      }
      g.drawImage(source, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    try {
      return alpha
          ? new Encoded(width, height, "image/png", "png", png(scaled))
          : new Encoded(width, height, "image/jpeg", "jpg", jpeg(scaled));
    } catch (IOException e) {
      throw new MediaException("the image cannot be re-encoded: " + e.getMessage(), e);
    }
  }

  private static byte[] png(BufferedImage image) throws IOException {
    var out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private static byte[] jpeg(BufferedImage image) throws IOException {
    var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    var out = new ByteArrayOutputStream();
    try (var ios = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(ios);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(JPEG_QUALITY);
      param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
