package dev.byline.admin;

import dev.byline.auth.User;
import dev.byline.content.Article;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Extra panels other features show beside the article editor (the search feature's pinned and
 * blocked related links, say). Register at start-up; each panel is asked per page view and
 * returns already-escaped HTML, typically rendered from its own template. Forms in a panel
 * carry the CSRF token passed in.
 *
 * <pre>{@code
 * editorPanels.add((article, user, csrf) -> Optional.of(new EditorPanels.Panel("Related links",
 *     new String(views.render("admin/related-panel.jte", new RelatedPanel(article, csrf)), UTF_8))));
 * }</pre>
 */
public final class EditorPanels {
  /** A titled box of safe HTML shown beside the editor. */
  public record Panel(String title, String html) {}

  /** Asked for each saved article the editor shows. */
  @FunctionalInterface
  public interface Source {
    Optional<Panel> panel(Article article, User user, String csrf);
  }

  private final List<Source> sources = new ArrayList<>();

  /** Adds a panel source (call during start-up only). */
  public void add(Source source) {
    sources.add(source);
  }

  List<Panel> panelsFor(Article article, User user, String csrf) {
    if (article == null) return List.of();
    var out = new ArrayList<Panel>();
    for (var s : sources) s.panel(article, user, csrf).ifPresent(out::add);
    return out;
  }
}
