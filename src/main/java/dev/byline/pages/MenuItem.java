package dev.byline.pages;

import java.util.Locale;

/**
 * One entry of a menu, as stored.
 *
 * @param targetId the section, page or topic linked to; null for an external link
 * @param url the external address; empty for the others
 * @param label what the link says; empty shows the target's own name
 */
public record MenuItem(
    long id, Menu menu, int position, Kind kind, Long targetId, String url, String label) {

  /** The two menus every page shows. */
  public enum Menu {
    HEADER,
    FOOTER;

    public String dbValue() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Menu parse(String value) {
      for (var m : values()) if (m.dbValue().equals(value)) return m;
      throw new dev.byline.content.InvalidInput("menu", "must be header or footer");
    }
  }

  /** What an item points at. */
  public enum Kind {
    SECTION,
    PAGE,
    TOPIC,
    LINK;

    public String dbValue() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Kind parse(String value) {
      for (var k : values()) if (k.dbValue().equals(value)) return k;
      throw new dev.byline.content.InvalidInput("kind", "must be section, page, topic or link");
    }
  }

  /** A menu item resolved for readers: what it says and where it goes. */
  public record Link(String label, String href) {}
}
