package dev.byline.wire;

/**
 * An item a package refers to by guid; the item itself arrives on its own.
 *
 * @param role "main" for the lead story and its photos, otherwise the group's role ("sidebar")
 * @param headline the package's copy of the member's headline or caption
 */
public record PackageMember(String guid, ItemKind kind, String role, String headline) {
  public PackageMember {
    guid = guid == null ? "" : guid.strip();
    role = role == null || role.isBlank() ? "main" : role.strip();
    headline = headline == null ? "" : headline.strip().replaceAll("\\s+", " ");
  }

  public boolean isMain() {
    return role.equals("main");
  }
}
