package dev.byline.media;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A stored photo: the original (kept privately, never served; stored without GPS or other camera
 * metadata, only its EXIF orientation) and its re-encoded variants, which are what readers get.
 *
 * @param width width of the photo upright, in pixels
 * @param height height of the photo upright, in pixels
 * @param credit as the wire carries it: "Name/Handout via REUTERS"
 * @param uploadedBy the newsroom account that uploaded it, or null for wire and imported
 *     pictures and for those uploaded before uploaders were recorded
 */
public record Image(
    long id,
    String key,
    String mime,
    int width,
    int height,
    long byteSize,
    String caption,
    String credit,
    String alt,
    List<ImageVariant> variants,
    Instant createdAt,
    Long uploadedBy) {

  /** The variant used as {@code src}: wide enough for an article column on a laptop. */
  public static final int DEFAULT_DISPLAY_WIDTH = 960;

  public Image {
    variants =
        variants.stream().sorted(Comparator.comparingInt(ImageVariant::width)).toList();
    caption = caption == null ? "" : caption;
    credit = credit == null ? "" : credit;
    alt = alt == null ? "" : alt;
  }

  /** The smallest variant at least {@code width} wide, or the largest there is. */
  public ImageVariant variantFor(int width) {
    if (variants.isEmpty()) throw new IllegalStateException("image " + id + " has no variants");
    for (var v : variants) if (v.width() >= width) return v;
    return variants.get(variants.size() - 1);
  }

  public ImageVariant largest() {
    return variants.get(variants.size() - 1);
  }

  public String src() {
    return variantFor(DEFAULT_DISPLAY_WIDTH).url();
  }

  public String srcset() {
    return variants.stream()
        .map(v -> v.url() + " " + v.width() + "w")
        .collect(Collectors.joining(", "));
  }

  /** Height of the displayed variant, to reserve space so nothing shifts as it loads. */
  public int displayWidth() {
    return variantFor(DEFAULT_DISPLAY_WIDTH).width();
  }

  public int displayHeight() {
    return variantFor(DEFAULT_DISPLAY_WIDTH).height();
  }
}
