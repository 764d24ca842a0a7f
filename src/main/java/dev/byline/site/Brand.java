package dev.byline.site;

import java.util.List;
import java.util.Map;

/**
 * The newsroom's own identity in the chrome, from its site settings, resolved to addresses: what
 * the layout shows besides the name and sections.
 *
 * @param logo the masthead logo, with its dark-scheme variant
 * @param icon the favicon's address and type
 * @param coloursCssUrl the stylesheet setting the accent colours, or empty when they are the
 *     built-in ones (no extra request then)
 * @param themeCssUrl the theme's stylesheet, linked last, or empty
 * @param socialImage og:image for pages without one of their own, or null
 * @param publisher schema.org publishing-principles property to address (possibly site paths)
 * @param sameAs the newsroom's profiles elsewhere
 */
public record Brand(
    String tagline,
    Logo logo,
    Icon icon,
    String coloursCssUrl,
    String themeCssUrl,
    String footer,
    SocialImage socialImage,
    Map<String, String> publisher,
    List<String> sameAs) {

  /**
   * A logo; {@code darkSrc} is empty when the same picture serves both schemes. Width and height
   * are those shown, in CSS pixels, so nothing shifts as it loads.
   */
  public record Logo(String src, String darkSrc, int width, int height, boolean vector) {
    public boolean hasDark() {
      return !darkSrc.isEmpty();
    }
  }

  /**
   * The favicon's address and type; {@code fallbackHref} is a raster icon offered first for
   * browsers that cannot show an SVG one, empty when there is none or the icon is raster.
   */
  public record Icon(String href, String type, String fallbackHref, String fallbackType) {
    public boolean hasFallback() {
      return !fallbackHref.isEmpty();
    }
  }

  /** A picture for social cards, with its pixel size. */
  public record SocialImage(String url, int width, int height, String alt) {}

  public Brand {
    // In the order given, so every node renders the same bytes (and ETags).
    publisher = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(publisher));
    sameAs = List.copyOf(sameAs);
  }

  public boolean hasTagline() {
    return !tagline.isEmpty();
  }

  public boolean hasFooter() {
    return !footer.isEmpty();
  }
}
