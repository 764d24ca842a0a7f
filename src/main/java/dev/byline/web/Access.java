package dev.byline.web;

import dev.byline.auth.Role;
import io.javalin.security.RouteRole;
import java.util.Optional;

/**
 * Who may use a route. Each feature names it where it registers the route, and one guard checks
 * it before any handler runs: {@code r.get("/admin/users", this::list, Access.ADMIN)}. Every route
 * under {@code /admin} and {@code /api} must name one; a route there without one is refused to
 * everybody.
 */
public enum Access implements RouteRole {
  /** Anybody, signed in or not: signing in and signing out. */
  ANYONE(null),
  /**
   * Callers without a session who prove who they are to the handler itself, such as an agency
   * with its push token. A newsroom session is no proof here.
   */
  TOKEN(null),
  WRITER(Role.WRITER),
  EDITOR(Role.EDITOR),
  ADMIN(Role.ADMIN);

  private final Role role;

  Access(Role role) {
    this.role = role;
  }

  /** The least role a signed-in user needs; empty when the route takes no session. */
  public Optional<Role> role() {
    return Optional.ofNullable(role);
  }
}
