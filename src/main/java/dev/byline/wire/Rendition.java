package dev.byline.wire;

/**
 * One file of a picture: the agency sends several sizes of the same photo.
 *
 * @param name the rendition's role ("baseImage", "rnd:highRes", "thumbnail")
 * @param href where to fetch it; may be empty, relative, or not http at all ("tag:…")
 * @param residref the file's id, which is also its name when delivered beside the item
 * @param contentType e.g. "image/jpeg"; may be empty
 * @param width pixels, 0 when not given
 * @param height pixels, 0 when not given
 */
public record Rendition(
    String name, String href, String residref, String contentType, int width, int height) {
  public Rendition {
    name = name == null ? "" : name.strip();
    href = href == null ? "" : href.strip();
    residref = residref == null ? "" : residref.strip();
    contentType = contentType == null ? "" : contentType.strip();
  }

  /** True when the rendition is a still image (or does not say, which agencies often don't). */
  public boolean isImage() {
    return contentType.isEmpty() || contentType.startsWith("image/");
  }
}
