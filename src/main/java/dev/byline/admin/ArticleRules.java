package dev.byline.admin;

import dev.byline.auth.Role;
import dev.byline.auth.User;
import dev.byline.content.Article;
import dev.byline.content.ArticleStatus;
import dev.byline.content.Block;
import java.util.ArrayList;
import java.util.List;

/**
 * Who may do what to an article, and what an article needs before it can go out. Editors and
 * admins may do anything; a writer may read and edit their own drafts (also while in review),
 * and submit them for review, nothing more.
 */
final class ArticleRules {
  private ArticleRules() {}

  /** {@code creator} is the user who created the article in the editor, or null. */
  static boolean canRead(User user, Long creator) {
    return user.can(Role.EDITOR) || (creator != null && creator == user.id());
  }

  static boolean canEdit(User user, Article article, Long creator) {
    if (user.can(Role.EDITOR)) return true;
    return creator != null
        && creator == user.id()
        && (article.status() == ArticleStatus.DRAFT || article.status() == ArticleStatus.IN_REVIEW);
  }

  static boolean canPublish(User user) {
    return user.can(Role.EDITOR);
  }

  /** What stops the article being published, in words an editor can act on; empty when ready. */
  static List<String> publishProblems(Article a) {
    var problems = new ArrayList<String>();
    if (a.section() == null) problems.add("Choose a section: every published story lives in one.");
    var seen = new java.util.HashSet<Long>();
    if (a.featuredImageId() != null) {
      var img = a.images().get(a.featuredImageId());
      if (img != null && img.alt().isBlank() && seen.add(img.id())) {
        problems.add(
            "Photo " + img.id()
                + " (featured) has no alt text. Add it in the photo desk: it is what readers who cannot see the photo get.");
      }
    }
    for (var b : a.body()) {
      if (b instanceof Block.ImageBlock ib) {
        var img = a.images().get(ib.imageId());
        if (img != null && ib.alt().isBlank() && img.alt().isBlank() && seen.add(img.id())) {
          problems.add("Photo " + img.id()
              + " in the body has no alt text. Add it in the photo desk or in the Markdown as ![Alt text](image:"
              + img.id() + ").");
        }
      }
    }
    return problems;
  }
}
