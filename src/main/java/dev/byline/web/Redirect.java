package dev.byline.web;

/** Thrown by a handler to send the reader elsewhere: 301 for moved content, 302/303 after forms. */
public final class Redirect extends RuntimeException {
  private final String location;
  private final int status;

  public Redirect(String location, int status) {
    super(null, null, false, false);
    if (location == null || !location.startsWith("/") || location.startsWith("//")) {
      throw new IllegalArgumentException("redirects stay on this site: " + location);
    }
    this.location = location;
    this.status = status;
  }

  public static Redirect permanent(String location) {
    return new Redirect(location, 301);
  }

  public String location() {
    return location;
  }

  public int status() {
    return status;
  }
}
