package dev.byline.content;

import dev.byline.store.Tx;
import java.util.Optional;

/**
 * Owns {@code slug_redirect}: the addresses a published article lived at before its slug
 * changed, which answer with a redirect to where it is now. An old slug stays taken, so no other
 * article can take over an address readers and search engines already know.
 */
final class SlugRedirects {
  private SlugRedirects() {}

  /** True when {@code slug} redirects to an article other than {@code exceptId}. */
  static boolean taken(Tx tx, String slug, long exceptId) {
    return tx.query("SELECT COUNT(*) FROM slug_redirect WHERE old_slug = :s AND article_id <> :id")
            .bind("s", slug)
            .bind("id", exceptId)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  /**
   * Records that the article moved from {@code oldSlug} to {@code newSlug}: the old one now
   * redirects, and the new one, being the article's own again, no longer does.
   */
  static void moved(Tx tx, long articleId, String oldSlug, String newSlug) {
    tx.update("DELETE FROM slug_redirect WHERE old_slug = :new")
        .bind("new", newSlug)
        .execute();
    tx.update("INSERT INTO slug_redirect (old_slug, article_id) VALUES (:old, :id) "
            + "ON CONFLICT (old_slug) DO UPDATE SET article_id = excluded.article_id")
        .bind("old", oldSlug)
        .bind("id", articleId)
        .execute();
  }

  /** The article that used to live at {@code oldSlug}. */
  static Optional<Long> target(Tx tx, String oldSlug) {
    return tx.query("SELECT article_id FROM slug_redirect WHERE old_slug = :s")
        .bind("s", oldSlug)
        .mapTo(Long.class)
        .findOne();
  }
}
