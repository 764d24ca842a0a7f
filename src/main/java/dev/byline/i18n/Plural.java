package dev.byline.i18n;

import java.util.Locale;

/**
 * CLDR plural categories for whole numbers in the shipped languages
 * (https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html). Only counts
 * of things are pluralised, so fractions are not handled. A language without a rule here uses
 * English's one/other.
 */
enum Plural {
  ZERO,
  ONE,
  TWO,
  FEW,
  MANY,
  OTHER;

  /** The key suffix, e.g. {@code "few"}. */
  String suffix() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Plural of(String language, long n) {
    long abs = Math.abs(n);
    switch (language) {
      case "ar":
        if (abs == 0) return ZERO;
        if (abs == 1) return ONE;
        if (abs == 2) return TWO;
        long mod100 = abs % 100;
        if (mod100 >= 3 && mod100 <= 10) return FEW;
        if (mod100 >= 11) return MANY;
        return OTHER;
      case "fr":
        // French treats 0 and 1 alike ("0 nouvelle mise à jour"); exact millions take "de" (many).
        if (abs <= 1) return ONE;
        if (abs % 1_000_000 == 0) return MANY;
        return OTHER;
      case "es":
        if (abs == 1) return ONE;
        if (abs % 1_000_000 == 0) return MANY;
        return OTHER;
      default:
        return abs == 1 ? ONE : OTHER;
    }
  }
}
