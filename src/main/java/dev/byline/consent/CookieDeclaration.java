package dev.byline.consent;

import dev.byline.content.InvalidInput;

/**
 * One cookie or browser-storage key a service sets, as the cookie policy shows it.
 *
 * @param name the cookie name; a trailing {@code *} stands for any ending (e.g. {@code _ga_*})
 * @param host where it is stored: {@code this site} for first-party cookies, or the third party's domain
 * @param lifetime how long it lasts, in plain words ("2 years", "until you close the browser")
 * @param purpose what it is for
 * @param firstParty whether it lives on this site's domain, so the consent script can delete it on withdrawal
 */
public record CookieDeclaration(
    String name, String host, String lifetime, String purpose, boolean firstParty) {
  public CookieDeclaration {
    if (name == null || !name.matches("[A-Za-z0-9_.:-]+\\*?"))
      throw new InvalidInput("cookie name", "is not a cookie name: " + name);
    if (host == null || host.isBlank()) throw new InvalidInput("cookie host", "is empty");
    if (lifetime == null || lifetime.isBlank())
      throw new InvalidInput("cookie lifetime", "is empty");
    if (purpose == null || purpose.isBlank()) throw new InvalidInput("cookie purpose", "is empty");
  }

  public static CookieDeclaration ours(String name, String lifetime, String purpose) {
    return new CookieDeclaration(name, "this site", lifetime, purpose, true);
  }

  public static CookieDeclaration theirs(
      String name, String host, String lifetime, String purpose) {
    return new CookieDeclaration(name, host, lifetime, purpose, false);
  }
}
