package dev.byline.admin;

import dev.byline.content.Article;
import dev.byline.content.ArticleRevisions;
import dev.byline.content.ArticleStatus;
import dev.byline.content.Author;
import dev.byline.content.AuthorStore;
import dev.byline.content.Section;
import dev.byline.content.SectionStore;
import dev.byline.media.Image;
import dev.byline.media.ImageStore;
import dev.byline.site.Dates;
import dev.byline.web.Auth;
import io.javalin.http.Context;
import java.util.List;

/** Renders the editor page for a new or stored article. */
public final class EditorPage {
  /** How many recent photos the featured-image list offers; older ones are found in the photo desk by number. */
  static final int RECENT_PHOTOS = 40;

  /** The block editor, bundled with Tiptap at build time; only pages with a body load it. */
  static final String BLOCK_EDITOR_SCRIPT = "block-editor.js";

  /**
   * The editor. {@code article} is null for a new one; {@code problems} are workflow problems
   * (alt text missing…); {@code stale} explains a refused save; {@code autosaveUrl} is empty when
   * the article does not autosave (published ones save only on request).
   */
  public record EditorView(
      AdminChrome chrome,
      Dates dates,
      Article article,
      Form form,
      List<Section> sections,
      List<Image> photos,
      List<Author> authors,
      boolean canPublish,
      boolean canEdit,
      String formAction,
      String previewUrl,
      String autosaveUrl,
      List<String> problems,
      String notice,
      String stale,
      String zone,
      List<EditorPanels.Panel> panels,
      int revisionCount,
      String blockEditorUrl) {

    public boolean isNew() {
      return article == null;
    }

    public String status() {
      return article == null ? "new" : article.status().dbValue();
    }

    public boolean published() {
      return article != null && article.status() == ArticleStatus.PUBLISHED;
    }

    public boolean everPublished() {
      return article != null && article.firstPublishedAt() != null;
    }
  }

  private final AdminSite site;
  private final SectionStore sections;
  private final AuthorStore authors;
  private final ImageStore images;
  private final ArticleRevisions revisions;
  private final EditorPanels panels;

  EditorPage(
      AdminSite site,
      SectionStore sections,
      AuthorStore authors,
      ImageStore images,
      ArticleRevisions revisions,
      EditorPanels panels) {
    this.site = site;
    this.sections = sections;
    this.authors = authors;
    this.images = images;
    this.revisions = revisions;
    this.panels = panels;
  }

  void show(
      Context ctx,
      Article article,
      Form form,
      List<String> problems,
      String notice,
      String stale,
      int status) {
    var user = Auth.signedIn(ctx);
    var zone = site.config().timeZone();
    if (article != null) BodyField.ARTICLE.open(form, article.body());
    if (article != null && form.value("version").isEmpty())
      form.set("version", Integer.toString(article.version()));
    if (form.value("schedule-at").isEmpty() && article != null)
      form.set("schedule-at", Times.format(article.scheduledAt(), zone));
    if (form.value("embargo-until").isEmpty() && article != null)
      form.set("embargo-until", Times.format(article.embargoUntil(), zone));
    var creator = article == null
        ? Long.valueOf(user.id())
        : revisions.creator(article.id()).orElse(null);
    boolean canEdit = article == null || ArticleRules.canEdit(user, article, creator);
    boolean autosaves = canEdit
        && (article == null
            || article.status() == ArticleStatus.DRAFT
            || article.status() == ArticleStatus.IN_REVIEW);
    var base = article == null ? AdminPaths.ARTICLES : AdminPaths.article(article.id());
    var view = new EditorView(
        site.chrome(ctx, "articles"),
        site.dates(),
        article,
        form,
        sections.all(),
        images.library("", 0, RECENT_PHOTOS),
        authors.all(),
        ArticleRules.canPublish(user),
        canEdit,
        base,
        base + "/preview",
        autosaves ? base + "/autosave" : "",
        problems,
        notice,
        stale,
        zone.getId(),
        panels.panelsFor(article, user, Auth.csrfToken(ctx)),
        article == null ? 0 : revisions.of(article.id()).size(),
        site.assets().url(BLOCK_EDITOR_SCRIPT));
    ctx.status(status);
    site.render(ctx, "admin/editor.jte", view);
  }
}
