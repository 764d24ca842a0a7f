package dev.byline.ads;

import dev.byline.config.ConfigException;
import java.util.List;

/**
 * The box a slot reserves before anything fills it, so the page never shifts. Only sizes that fit
 * an article column on a phone are offered; {@link #RESPONSIVE} fills the column's width and
 * reserves {@link #RESPONSIVE_HEIGHT} pixels.
 */
public record AdSize(int width, int height) {
  public static final int RESPONSIVE_HEIGHT = 280;
  public static final AdSize RESPONSIVE = new AdSize(0, RESPONSIVE_HEIGHT);
  /** IAB sizes no wider than a 336-pixel phone column, plus the 468x60 banner for wide columns. */
  public static final List<AdSize> STANDARD = List.of(
      new AdSize(300, 250),
      new AdSize(336, 280),
      new AdSize(320, 100),
      new AdSize(320, 50),
      new AdSize(250, 250),
      new AdSize(300, 600),
      new AdSize(468, 60));

  public boolean responsive() {
    return width == 0;
  }

  /** The CSS class that reserves this size, e.g. {@code ad-300x250} or {@code ad-responsive}. */
  public String cssClass() {
    return responsive() ? "ad-responsive" : "ad-" + width + "x" + height;
  }

  public static AdSize parse(String key, String value) {
    var v = value.strip().toLowerCase(java.util.Locale.ROOT);
    if (v.equals("responsive")) return RESPONSIVE;
    var parts = v.split("x");
    if (parts.length == 2 && parts[0].matches("\\d{1,4}") && parts[1].matches("\\d{1,4}")) {
      var size = new AdSize(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
      if (STANDARD.contains(size)) return size;
    }
    throw new ConfigException(
        key,
        "must be responsive or one of "
            + String.join(
                ", ", STANDARD.stream().map(s -> s.width() + "x" + s.height()).toList())
            + ", not \"" + value + "\"");
  }
}
