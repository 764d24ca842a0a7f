package dev.byline.wire;

import java.util.Locale;

/** What an item is (IPTC "itemClass" / ninjs "type"). */
public enum ItemKind {
  TEXT,
  PICTURE,
  GRAPHIC,
  VIDEO,
  AUDIO,
  /** A package that groups a story with its photos. */
  PACKAGE;

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ItemKind fromDb(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
