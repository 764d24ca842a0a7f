package dev.byline.auth;

/** A newsroom account as the rest of the system sees it: never its password hash. */
public record User(long id, String email, String name, Role role) {
  public boolean can(Role needed) {
    return role.includes(needed);
  }
}
