package dev.byline.store;

import java.time.YearMonth;

/**
 * The names of what pages depend on. A change in the change feed lists the surrogate keys it
 * touches; a rendered page lists the keys of what it shows; a cache purges the pages that share a
 * key with a change (this node's page cache, and HTTP caches through the {@code Surrogate-Key}
 * header). Both sides take the names from here, so they cannot drift apart.
 *
 * <pre>{@code
 * feed.append(tx, "section", id, "updated", Set.of(SurrogateKey.section(id), SurrogateKey.FRONT));
 * RenderedPage.html(bytes, Set.of(SurrogateKey.section(id), SurrogateKey.SECTIONS), newest);
 * }</pre>
 */
public final class SurrogateKey {
  /** The front page. */
  public static final String FRONT = "front";

  /** Every list of published stories: lists, feeds, sitemaps, search, "Most read". */
  public static final String LISTS = "lists";

  /**
   * The site's navigation: the sections and the header and footer menus. Every page shows it, so
   * a change to a section or a menu purges every page.
   */
  public static final String SECTIONS = "sections";

  /**
   * The site's chrome as its settings make it: name, tagline, logos, favicon, accent colours,
   * footer, language and time zone. Every HTML page that shows the masthead and footer.
   */
  public static final String CHROME = "chrome";

  /**
   * The publisher in structured data (NewsMediaOrganization: policies, profiles): article pages
   * and the front page.
   */
  public static final String PUBLISHER = "publisher";

  /** Pages without an image of their own, whose og:image is the site's default social image. */
  public static final String SOCIAL_IMAGE = "social-image";

  /** The stored site settings themselves (in-memory copies of them; no page carries it). */
  public static final String SETTINGS = "settings";

  /** Editors' picks: pinned lead and top stories and named collections (front and section fronts). */
  public static final String CURATION = "curation";

  /** The breaking-news banner's fragment; no HTML page depends on it. */
  public static final String BREAKING = "breaking";

  /** The list of published pages (the general sitemap). */
  public static final String PAGES = "pages";

  private SurrogateKey() {}

  public static String article(long id) {
    return "article:" + id;
  }

  public static String section(long id) {
    return "section:" + id;
  }

  public static String topic(long id) {
    return "topic:" + id;
  }

  public static String author(long id) {
    return "author:" + id;
  }

  /** One of the site's own pages (About, Imprint...). */
  public static String page(long id) {
    return "page:" + id;
  }

  public static String image(long id) {
    return "image:" + id;
  }

  /** Pages that list stories first published in {@code month} (sitemaps). */
  public static String month(YearMonth month) {
    return "month:" + month;
  }
}
