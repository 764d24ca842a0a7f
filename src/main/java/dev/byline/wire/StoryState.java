package dev.byline.wire;

import java.util.Locale;

/** What the desk has done with a story. */
public enum StoryState {
  /** Waiting in the inbox for an editor. */
  NEW,
  /** Its article is live. */
  PUBLISHED,
  /** Its article goes live at the embargo. */
  SCHEDULED,
  /** An editor made a draft from it and is working on it. */
  DRAFT,
  /** An editor decided not to use it. */
  IGNORED,
  /** The agency killed it (pubStatus canceled); its article was taken down. */
  KILLED,
  /** The agency withheld it; its article was taken down until a usable version comes. */
  WITHHELD;

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static StoryState fromDb(String v) {
    return valueOf(v.toUpperCase(Locale.ROOT));
  }
}
