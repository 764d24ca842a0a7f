package dev.byline.curation;

import dev.byline.content.InvalidInput;
import java.util.Locale;

/** Where a pin puts a story. */
public enum Place {
  /** The front page's lead: one story, the newest pin wins. */
  LEAD,
  /** The front page's top-stories slots, in the editors' order. */
  TOP,
  /** A named collection's block. */
  COLLECTION;

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Place parse(String value) {
    for (var p : values()) if (p.dbValue().equals(value)) return p;
    throw new InvalidInput("place", "must be lead, top or collection");
  }
}
