package dev.byline.admin;

import dev.byline.auth.User;
import java.util.List;

/**
 * What every admin page shows around its content: the site name, the signed-in user, the
 * navigation their role may use, and the CSRF token forms embed. Built per request by
 * {@link AdminSite#chrome}.
 *
 * @param user the signed-in user, or null on the sign-in page
 * @param csrf the token every form carries as the hidden field {@code csrf}
 * @param active the {@code key} of the navigation item to mark as current
 */
public record AdminChrome(
    String siteName,
    String lang,
    String cssUrl,
    String scriptUrl,
    String iconUrl,
    User user,
    String csrf,
    List<NavItem> nav,
    String active) {

  /** A link in the admin navigation; {@code key} marks the current one. */
  public record NavItem(String key, String label, String href) {}

  public AdminChrome {
    nav = List.copyOf(nav);
    active = active == null ? "" : active;
  }

  public boolean signedIn() {
    return user != null;
  }
}
