package dev.byline.site;

import dev.byline.brand.SiteSettings;
import dev.byline.media.Image;
import dev.byline.media.ImageStore;
import dev.byline.web.StaticAssets;
import dev.byline.web.Theme;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * Turns site settings into the {@link Brand} the layout shows: photo-desk ids into addresses and
 * sizes, colours into a small stylesheet (the Content-Security-Policy allows no inline styles).
 * Without settings, the built-in logo, icon and colours.
 */
final class Branding {
  /** The masthead logo's height in CSS pixels, as the built-in stylesheet lays it out. */
  static final int LOGO_HEIGHT = 40;
  /** Enough pixels for the logo on a screen of three device pixels per CSS pixel. */
  static final int LOGO_PIXELS = 3 * LOGO_HEIGHT;
  /** Social cards want at least 1200 pixels wide (Facebook, X); the nearest variant above. */
  static final int SOCIAL_WIDTH = 1200;
  /** A favicon is drawn at most 192 pixels (Android home screens). */
  static final int ICON_WIDTH = 192;

  private final StaticAssets assets;
  private final ImageStore images;

  /** @param images the photo desk, or null when settings name no photos (tests, benchmarks) */
  Branding(StaticAssets assets, ImageStore images) {
    this.assets = assets;
    this.images = images;
  }

  Brand brand(SiteSettings s) {
    var ids = new ArrayList<Long>();
    for (var id :
        new Long[] {s.logo(), s.logoDark(), s.favicon(), s.faviconFallback(), s.socialImage()})
      if (id != null) ids.add(id);
    Map<Long, Image> found = ids.isEmpty() || images == null ? Map.of() : images.byIds(ids);
    return new Brand(
        s.tagline(),
        logo(get(found, s.logo()), get(found, s.logoDark())),
        icon(get(found, s.favicon()), get(found, s.faviconFallback())),
        coloursCss(s).isEmpty() ? "" : ColoursStylesheet.PATH + "?v=" + hash(coloursCss(s)),
        assets.has(Theme.CSS_ASSET) ? assets.url(Theme.CSS_ASSET) : "",
        s.footer(),
        social(get(found, s.socialImage())),
        s.publisher().properties(),
        s.sameAs());
  }

  /** The photo, or null when none is named or it is gone from the photo desk (the built-in then). */
  private static Image get(Map<Long, Image> found, Long id) {
    return id == null ? null : found.get(id);
  }

  private Brand.Logo logo(Image light, Image dark) {
    if (light == null) return new Brand.Logo(assets.url("logo.svg"), "", 40, 40, true);
    var v = light.variantFor(LOGO_PIXELS);
    int width = Math.max(1, Math.round((float) LOGO_HEIGHT * v.width() / v.height()));
    var darkSrc = dark == null ? "" : dark.variantFor(LOGO_PIXELS).url();
    return new Brand.Logo(
        v.url(), darkSrc, width, LOGO_HEIGHT, ImageStore.SVG_MIME.equals(light.mime()));
  }

  private Brand.Icon icon(Image icon, Image fallback) {
    var v = icon == null ? null : icon.variantFor(ICON_WIDTH);
    var href = v == null ? assets.url("favicon.svg") : v.url();
    var type = v == null ? ImageStore.SVG_MIME : v.mime();
    // A raster icon needs no fallback, and a drawing is none (the form refuses one).
    if (!type.equals(ImageStore.SVG_MIME)
        || fallback == null
        || ImageStore.SVG_MIME.equals(fallback.mime())) return new Brand.Icon(href, type, "", "");
    var f = fallback.variantFor(ICON_WIDTH);
    return new Brand.Icon(href, type, f.url(), f.mime());
  }

  private static Brand.SocialImage social(Image image) {
    if (image == null) return null;
    var v = image.variantFor(SOCIAL_WIDTH);
    return new Brand.SocialImage(v.url(), v.width(), v.height(), image.alt());
  }

  /** The stylesheet that sets the accent colours; empty when they are the built-in ones. */
  static String coloursCss(SiteSettings s) {
    if (Objects.equals(s.accent(), SiteSettings.DEFAULT_ACCENT)
        && Objects.equals(s.link(), SiteSettings.DEFAULT_LINK)) return "";
    // Colour admits only #rrggbb, so nothing here needs escaping.
    return ":root { --accent: " + s.accent().hex() + "; --link: " + s.link().hex() + "; }\n";
  }

  static String hash(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
          .substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
