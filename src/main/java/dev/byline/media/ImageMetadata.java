package dev.byline.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32;

/**
 * Camera metadata on the way in. Only the EXIF orientation survives: it is applied to the
 * variants and kept in the original as a minimal EXIF block. Everything else (GPS position,
 * camera serial numbers, XMP, IPTC, comments) is removed from the original before it is stored,
 * so no location is kept anywhere.
 */
public final class ImageMetadata {
  private ImageMetadata() {}

  /** The EXIF orientation (1–8), 1 when absent or unreadable. */
  public static int orientation(byte[] bytes) {
    try {
      var meta = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
      for (var dir : meta.getDirectoriesOfType(ExifIFD0Directory.class)) {
        if (dir.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
          int o = dir.getInt(ExifIFD0Directory.TAG_ORIENTATION);
          return o >= 1 && o <= 8 ? o : 1;
        }
      }
    } catch (ImageProcessingException
        | IOException
        | com.drew.metadata.MetadataException
        | RuntimeException e) {
      // Unreadable metadata is no metadata: the picture is decoded on its own terms.
    }
    return 1;
  }

  /** True when the bytes carry GPS data that metadata readers can find. */
  public static boolean hasLocation(byte[] bytes) {
    try {
      var meta = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
      for (var dir : meta.getDirectoriesOfType(GpsDirectory.class))
        if (dir.getTagCount() > 0) return true;
      for (var dir : meta.getDirectories()) {
        if (dir.getName().startsWith("XMP")) {
          for (var tag : dir.getTags())
            if (tag.getDescription() != null && tag.getDescription().contains("GPS")) return true;
        }
      }
      return false;
    } catch (ImageProcessingException | IOException | RuntimeException e) {
      return false;
    }
  }

  /** The image without metadata, keeping only a non-default orientation. */
  public static byte[] strip(byte[] bytes, ImageFormat format, int orientation) {
    try {
      return switch (format) {
        case JPEG -> jpeg(bytes, orientation);
        case PNG -> png(bytes, orientation);
        case WEBP -> webp(bytes);
        case GIF -> gif(bytes);
      };
    } catch (IndexOutOfBoundsException | java.nio.BufferUnderflowException e) {
      throw new MediaException("the " + format.name() + " file is truncated or damaged");
    }
  }

  /** Turns the decoded pixels the way the camera meant them to be seen. */
  public static BufferedImage orient(BufferedImage image, int orientation) {
    if (orientation <= 1 || orientation > 8) return image;
    int w = image.getWidth();
    int h = image.getHeight();
    var t = new AffineTransform();
    switch (orientation) {
      case 2 -> {
        t.scale(-1, 1);
        t.translate(-w, 0);
      }
      case 3 -> {
        t.translate(w, h);
        t.rotate(Math.PI);
      }
      case 4 -> {
        t.scale(1, -1);
        t.translate(0, -h);
      }
      case 5 -> {
        t.rotate(-Math.PI / 2);
        t.scale(-1, 1);
      }
      case 6 -> {
        t.translate(h, 0);
        t.rotate(Math.PI / 2);
      }
      case 7 -> {
        t.scale(-1, 1);
        t.translate(-h, 0);
        t.translate(0, w);
        t.rotate(3 * Math.PI / 2);
      }
      case 8 -> {
        t.translate(0, w);
        t.rotate(3 * Math.PI / 2);
      }
      default -> {}
    }
    boolean swap = orientation >= 5;
    var type =
        image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    var out = new BufferedImage(swap ? h : w, swap ? w : h, type);
    var g = out.createGraphics();
    try {
      g.drawImage(image, new AffineTransformOp(t, AffineTransformOp.TYPE_NEAREST_NEIGHBOR), 0, 0);
    } finally {
      g.dispose();
    }
    return out;
  }

  /** A TIFF structure holding one tag, Orientation: what a minimal EXIF block carries. */
  static byte[] orientationTiff(int orientation) {
    var b = ByteBuffer.allocate(26).order(ByteOrder.BIG_ENDIAN);
    b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8); // header, IFD0 at 8
    b.putShort((short) 1); // one entry
    b.putShort((short) 0x0112)
        .putShort((short) 3)
        .putInt(1)
        .putShort((short) orientation)
        .putShort((short) 0);
    b.putInt(0); // no next IFD
    return b.array();
  }

  private static byte[] jpeg(byte[] in, int orientation) {
    var out = new ByteArrayOutputStream(in.length);
    out.write(0xFF);
    out.write(0xD8);
    if (orientation > 1) {
      var tiff = orientationTiff(orientation);
      int len = 2 + 6 + tiff.length;
      out.writeBytes(new byte[] {
        (byte) 0xFF, (byte) 0xE1, (byte) (len >> 8), (byte) len, 'E', 'x', 'i', 'f', 0, 0
      });
      out.writeBytes(tiff);
    }
    int i = 2;
    while (i + 4 <= in.length) {
      if ((in[i] & 0xFF) != 0xFF)
        throw new MediaException("the JPEG file is damaged (no marker at byte " + i + ")");
      int marker = in[i + 1] & 0xFF;
      if (marker == 0xFF) { // fill byte
        i++;
        continue;
      }
      if (marker == 0xDA || marker == 0xD9) { // start of scan: the rest is image data
        if (!hasEndMarker(in, i))
          throw new MediaException(
              "the JPEG file is truncated (it stops before the end of the picture)");
        out.write(in, i, in.length - i);
        return out.toByteArray();
      }
      int len = ((in[i + 2] & 0xFF) << 8) | (in[i + 3] & 0xFF);
      if (len < 2 || i + 2 + len > in.length)
        throw new MediaException("the JPEG file is truncated or damaged");
      // APP1 (EXIF, XMP), APP13 (IPTC, Photoshop) and COM (comments) may hold places, names and
      // serials.
      boolean drop = marker == 0xE1
          || marker == 0xED
          || marker == 0xFE
          || (marker >= 0xE3 && marker <= 0xEC)
          || marker == 0xEF;
      if (!drop) out.write(in, i, 2 + len);
      i += 2 + len;
    }
    throw new MediaException("the JPEG file is truncated (no image data)");
  }

  /** Inside scan data 0xFF is always followed by 0x00 or a restart marker, so FF D9 is the end. */
  private static boolean hasEndMarker(byte[] in, int from) {
    for (int j = in.length - 2; j >= from; j--) {
      if ((in[j] & 0xFF) == 0xFF && (in[j + 1] & 0xFF) == 0xD9) return true;
    }
    return false;
  }

  private static byte[] png(byte[] in, int orientation) {
    var out = new ByteArrayOutputStream(in.length);
    out.write(in, 0, 8);
    int i = 8;
    boolean wroteExif = false;
    while (i + 12 <= in.length) {
      int len = ByteBuffer.wrap(in, i, 4).getInt();
      if (len < 0 || i + 12L + len > in.length)
        throw new MediaException("the PNG file is truncated or damaged");
      var type = new String(in, i + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
      if (type.equals("IDAT") && orientation > 1 && !wroteExif) {
        writeChunk(out, "eXIf", orientationTiff(orientation));
        wroteExif = true;
      }
      boolean drop = type.equals("eXIf")
          || type.equals("tEXt")
          || type.equals("zTXt")
          || type.equals("iTXt")
          || type.equals("tIME");
      if (!drop) out.write(in, i, 12 + len);
      i += 12 + len;
      if (type.equals("IEND")) return out.toByteArray();
    }
    throw new MediaException("the PNG file is truncated (no end chunk)");
  }

  private static void writeChunk(ByteArrayOutputStream out, String type, byte[] data) {
    var typeBytes = type.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(typeBytes);
    out.writeBytes(data);
    var crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  private static byte[] webp(byte[] in) {
    var body = new ByteArrayOutputStream(in.length);
    int i = 12;
    while (i + 8 <= in.length) {
      var type = new String(in, i, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
      int len = ByteBuffer.wrap(in, i + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
      int padded = len + (len & 1);
      if (len < 0 || i + 8L + padded > in.length + 1L)
        throw new MediaException("the WebP file is truncated or damaged");
      int end = Math.min(in.length, i + 8 + padded);
      if (type.equals("VP8X") && len >= 1) {
        var chunk = java.util.Arrays.copyOfRange(in, i, end);
        chunk[8] = (byte) (chunk[8] & ~0x0C); // clear the EXIF and XMP flags
        body.writeBytes(chunk);
      } else if (!type.equals("EXIF") && !type.equals("XMP ")) {
        body.write(in, i, end - i);
      }
      i = end;
    }
    var chunks = body.toByteArray();
    var out = ByteBuffer.allocate(12 + chunks.length).order(ByteOrder.LITTLE_ENDIAN);
    out.put(in, 0, 4).putInt(4 + chunks.length).put(in, 8, 4).put(chunks);
    return out.array();
  }

  private static byte[] gif(byte[] in) {
    var out = new ByteArrayOutputStream(in.length);
    int flags = in[10] & 0xFF;
    int i = 13 + ((flags & 0x80) != 0 ? 3 * (1 << ((flags & 7) + 1)) : 0);
    out.write(in, 0, i);
    while (i < in.length) {
      int b = in[i] & 0xFF;
      if (b == 0x3B) {
        out.write(0x3B);
        return out.toByteArray();
      }
      int start = i;
      boolean drop = false;
      if (b == 0x21) {
        int label = in[i + 1] & 0xFF;
        drop = label == 0xFE; // comment
        if (label == 0xFF && in[i + 2] == 11) {
          var app = new String(in, i + 3, 11, java.nio.charset.StandardCharsets.ISO_8859_1);
          drop = !app.startsWith("NETSCAPE")
              && !app.startsWith("ANIMEXTS"); // keep looping, drop XMP and the rest
        }
        i = skipSubBlocks(in, i + 2);
      } else if (b == 0x2C) {
        int local = in[i + 9] & 0xFF;
        i += 10 + ((local & 0x80) != 0 ? 3 * (1 << ((local & 7) + 1)) : 0);
        i = skipSubBlocks(in, i + 1); // LZW minimum code size, then data
      } else {
        throw new MediaException("the GIF file is damaged (unknown block at byte " + i + ")");
      }
      if (!drop) out.write(in, start, i - start);
    }
    throw new MediaException("the GIF file is truncated (no trailer)");
  }

  private static int skipSubBlocks(byte[] in, int i) {
    while (true) {
      int size = in[i] & 0xFF;
      i += 1 + size;
      if (size == 0) return i;
    }
  }
}
