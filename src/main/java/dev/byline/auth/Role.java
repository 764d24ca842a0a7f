package dev.byline.auth;

import java.util.Locale;

/**
 * What a newsroom account may do. Each role includes the ones before it: a writer writes and
 * submits own drafts; an editor edits and publishes any article; an admin also manages users and
 * settings.
 */
public enum Role {
  WRITER,
  EDITOR,
  ADMIN;

  public boolean includes(Role other) {
    return ordinal() >= other.ordinal();
  }

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role parse(String value) {
    for (var r : values())
      if (r.dbValue().equalsIgnoreCase(value == null ? "" : value.strip())) return r;
    throw new IllegalArgumentException(
        "role must be writer, editor or admin, not \"" + value + "\"");
  }
}
