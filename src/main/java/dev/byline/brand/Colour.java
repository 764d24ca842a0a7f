package dev.byline.brand;

import dev.byline.content.InvalidInput;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An sRGB colour written as CSS hex, {@code #rrggbb} (a short {@code #rgb} is widened). Only this
 * form is accepted, so a colour can be written into a stylesheet without escaping.
 */
public record Colour(String hex) {
  private static final Pattern HEX = Pattern.compile("#[0-9a-f]{6}");
  private static final Pattern SHORT = Pattern.compile("#[0-9a-f]{3}");

  public static final Colour WHITE = new Colour("#ffffff");

  public Colour {
    hex = hex == null ? "" : hex.strip().toLowerCase(Locale.ROOT);
    if (SHORT.matcher(hex).matches())
      hex = "#" + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2) + hex.charAt(3)
          + hex.charAt(3);
    if (!HEX.matcher(hex).matches())
      throw new InvalidInput("colour", "“" + hex + "” is not a colour such as #c8102e");
  }

  /** A colour for the named form field, with the field named when it is not one. */
  public static Colour parse(String field, String text) {
    try {
      return new Colour(text);
    } catch (InvalidInput e) {
      throw new InvalidInput(field, e.reason());
    }
  }

  /** WCAG 2.x relative luminance, 0 (black) to 1 (white). */
  public double luminance() {
    return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  }

  private double channel(int at) {
    double c = Integer.parseInt(hex.substring(at, at + 2), 16) / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }

  /** WCAG 2.x contrast ratio with {@code other}, from 1 (none) to 21 (black on white). */
  public double contrastWith(Colour other) {
    double a = luminance();
    double b = other.luminance();
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }

  @Override
  public String toString() {
    return hex;
  }
}
