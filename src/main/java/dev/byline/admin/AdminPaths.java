package dev.byline.admin;

/**
 * The addresses of an article's newsroom pages, in one place: the routes are registered with
 * these patterns and every link, form and redirect to them is built here, so the two cannot drift
 * apart.
 */
public final class AdminPaths {
  public static final String ARTICLES = "/admin/articles";
  public static final String NEW_ARTICLE = ARTICLES + "/new";

  static final String ARTICLE_ROUTE = ARTICLES + "/{id}";
  static final String STATUS_ROUTE = ARTICLE_ROUTE + "/status";
  static final String REVISIONS_ROUTE = ARTICLE_ROUTE + "/revisions";
  static final String DIFF_ROUTE = ARTICLE_ROUTE + "/diff";
  static final String RESTORE_ROUTE = REVISIONS_ROUTE + "/{rev}/restore";
  static final String RELATED_ROUTE = ARTICLE_ROUTE + "/related";
  static final String LIVE_ROUTE = ARTICLE_ROUTE + "/live";

  private AdminPaths() {}

  /** The article's editor. */
  public static String article(long id) {
    return ARTICLES + "/" + id;
  }

  /** The editor again after a save, saying so. */
  public static String saved(long id) {
    return article(id) + "?saved=1";
  }

  /** Where the workflow buttons (submit, publish, unpublish ...) post. */
  public static String status(long id) {
    return article(id) + "/status";
  }

  public static String revisions(long id) {
    return article(id) + "/revisions";
  }

  public static String diff(long id) {
    return article(id) + "/diff";
  }

  public static String restore(long id, long revision) {
    return revisions(id) + "/" + revision + "/restore";
  }

  /** The live desk: the article's live coverage and its posts. */
  public static String live(long id) {
    return article(id) + "/live";
  }

  /** The related links an editor pins and blocks for the article. */
  public static String related(long id) {
    return article(id) + "/related";
  }
}
