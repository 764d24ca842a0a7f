package dev.byline.content;

import java.util.Set;

/** A section of the site ("World", "Business"); its slug is the first segment of its URLs. */
public record Section(long id, String slug, String name, String description, int position) {
  /** First path segments the site uses for itself, so no section may take them. */
  public static final Set<String> RESERVED_SLUGS = Set.of(
      "admin",
      "api",
      "search",
      "feed",
      "feeds",
      "topic",
      "author",
      "media",
      "static",
      "sitemap",
      "sitemaps",
      "robots.txt",
      "ads.txt",
      "favicon.ico",
      "cookies",
      "consent",
      "newsletter",
      "beacon",
      "for-you",
      "most-read",
      "live",
      "health",
      "login",
      "logout",
      "push",
      "privacy",
      "page",
      "assets");

  public Section {
    Slugs.check("section slug", slug);
    if (RESERVED_SLUGS.contains(slug))
      throw new InvalidInput("section slug", "\"" + slug + "\" is reserved by the site");
    name = Text.required("section name", name, 80);
    description = Text.optional("section description", description, 500);
  }

  public String path() {
    return "/" + slug;
  }
}
