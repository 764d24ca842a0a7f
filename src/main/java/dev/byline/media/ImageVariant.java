package dev.byline.media;

/** One resized copy of an image, served at {@code /media/<key>}. Widths and heights in pixels. */
public record ImageVariant(int width, int height, String mime, String key) {
  public String url() {
    return "/media/" + key;
  }
}
