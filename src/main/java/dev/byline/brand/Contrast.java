package dev.byline.brand;

import dev.byline.content.InvalidInput;
import java.util.List;
import java.util.Locale;

/**
 * The colour pairs the built-in stylesheet puts the accent colours in, each checked against WCAG
 * 2.x AA for normal text (4.5:1) before a colour is stored. The stylesheet shows the accent as
 * text on the page (kickers, "Updated", quotes' rule, link hover) and as the background of white
 * text (the live badge and "new posts" button); links are text on the page.
 *
 * <pre>{@code
 * Contrast.check(new Colour("#ff8899"), new Colour("#0b4f8a")); // throws, naming the pair and ratio
 * }</pre>
 */
public final class Contrast {
  /** WCAG 2.x success criterion 1.4.3, level AA, for text under 18 pt (14 pt bold). */
  public static final double AA_TEXT = 4.5;
  /** The page background of the built-in stylesheet ({@code --paper}). */
  public static final Colour PAPER = Colour.WHITE;
  /** The footer's background in the built-in stylesheet. */
  public static final Colour FOOTER = new Colour("#f6f6f4");

  /** One place a colour is shown: {@code foreground} on {@code background}. */
  record Pair(String field, String label, Colour foreground, Colour background, String usage) {
    double ratio() {
      return foreground.contrastWith(background);
    }
  }

  private Contrast() {}

  /** Every pair the two colours are used in. */
  static List<Pair> pairs(Colour accent, Colour link) {
    return List.of(
        new Pair("accent", "accent colour", accent, PAPER, "text on the page background"),
        new Pair("accent", "accent colour", Colour.WHITE, accent, "background of white text"),
        new Pair("link", "link colour", link, PAPER, "text on the page background"),
        new Pair("link", "link colour", link, FOOTER, "text on the footer background"));
  }

  /**
   * Refuses the first pair below AA, naming the field, both colours and the ratio.
   *
   * @throws InvalidInput for the accent or link field
   */
  public static void check(Colour accent, Colour link) {
    for (var p : pairs(accent, link)) {
      if (p.ratio() < AA_TEXT) {
        throw new InvalidInput(
            p.field(),
            "is too faint: " + p.label() + " " + p.foreground() + " on " + p.background() + " ("
                + p.usage() + ") has a contrast ratio of " + ratio(p.ratio())
                + ":1; WCAG AA asks for at least 4.5:1");
      }
    }
  }

  /** A ratio rounded down to two decimals, so 4.499 never reads as 4.5. */
  static String ratio(double r) {
    return String.format(Locale.ROOT, "%.2f", Math.floor(r * 100) / 100);
  }
}
