package dev.byline.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.byline.content.ArticleDraft;
import dev.byline.content.ArticleStatus;
import dev.byline.content.Block;
import dev.byline.content.Html;
import dev.byline.content.InvalidInput;
import dev.byline.content.Slugs;
import dev.byline.content.Source;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Plans one Ghost post or page by the rules WordPress posts follow ({@link PostRules}). */
final class GhostPlanner {
  private final Migrations m;
  private final GhostScan scan;
  private final Map<String, Long> topics;
  private final Map<String, Long> authors;
  private final MigrationOptions options;
  private final Instant now;
  private final Long section;

  GhostPlanner(
      Migrations m,
      GhostScan scan,
      Map<String, Long> topics,
      Map<String, Long> authors,
      MigrationOptions options) {
    this.m = m;
    this.scan = scan;
    this.topics = topics;
    this.authors = authors;
    this.options = options;
    this.now = m.clock().instant();
    this.section = Catalog.sectionNamed(m.sections(), options.section());
  }

  Plan plan(JsonNode row) {
    var id = GhostReader.text(row, "id");
    var type = GhostReader.text(row, "type").isEmpty() ? "post" : GhostReader.text(row, "type");
    var title = Html.toText(GhostReader.text(row, "title"));
    var decision = decide(row, type);
    if (decision instanceof PostRules.Skip s) return Plan.skip("post", type, id, title, s.reason());
    var notes = new Notes();
    var images = images();
    var html = GhostReader.text(row, "html");
    List<Block> body = html.isBlank()
        ? WpContent.htmlToBlocks(
            Html.escape(GhostReader.text(row, "plaintext")), images, notes, true)
        : WpContent.htmlToBlocks(html, images, notes, false);
    if (title.isEmpty()) return Plan.skip("post", type, id, title, "has no title");
    try {
      var draft = draft(row, id, title, body, images, notes);
      var legacy = List.of(Catalog.normal("/" + GhostReader.text(row, "slug")));
      return new Plan(
          "post", type, id, draft.headline(), decision, draft, legacy, List.of(), notes);
    } catch (InvalidInput e) {
      return Plan.skip("post", type, id, title, e.getMessage());
    }
  }

  private ArticleDraft draft(
      JsonNode row,
      String id,
      String title,
      List<Block> body,
      BodyWalker.Images images,
      Notes notes) {
    var feature = GhostReader.text(row, "feature_image");
    Long featured = feature.isEmpty() ? null : images.find(0, feature);
    if (!feature.isEmpty() && featured == null)
      notes.add("its feature image is not in the photo desk");
    var slug = GhostReader.text(row, "slug");
    return new ArticleDraft(
        Slugs.isValid(slug) ? slug : Slugs.from(title),
        Words.cut(title, ArticleDraft.MAX_HEADLINE),
        Words.cut(
            Html.toText(GhostReader.text(row, "custom_excerpt")), ArticleDraft.MAX_STANDFIRST),
        "",
        Source.NONE,
        section,
        ids(scan.postTags, id, topics),
        ids(scan.postAuthors, id, authors),
        featured,
        body,
        "",
        "",
        "");
  }

  /** The Byline ids of what a post links to (its tags' topics, its authors), in Ghost's order. */
  private static List<Long> ids(
      Map<String, List<String>> links, String postId, Map<String, Long> made) {
    return links.getOrDefault(postId, List.of()).stream()
        .map(made::get)
        .filter(Objects::nonNull)
        .toList();
  }

  /** Ghost's statuses by WordPress's rules: only what every visitor could read is published. */
  private PostRules.Decision decide(JsonNode row, String type) {
    var status = GhostReader.text(row, "status");
    var visibility = GhostReader.text(row, "visibility");
    var published = time(GhostReader.text(row, "published_at"));
    var updated = time(GhostReader.text(row, "updated_at"));
    if (updated != null && published != null && !updated.isAfter(published.plusSeconds(59)))
      updated = null;
    return switch (status) {
      case "published" -> {
        if (!visibility.isEmpty() && !visibility.equals("public"))
          yield draft("for " + visibility
              + " members only in Ghost; kept as a draft, since Byline has no paywall");
        if (type.equals("page") && !options.publishPages())
          yield draft(
              "a page; kept as a draft, since Byline has no static pages (--publish-pages publishes pages as articles)");
        if (published == null) yield draft("published in Ghost without a date; kept as a draft");
        yield new PostRules.Import(ArticleStatus.PUBLISHED, published, updated, null, "");
      }
      case "scheduled" ->
        published != null && published.isAfter(now)
            ? new PostRules.Import(ArticleStatus.SCHEDULED, null, null, published, "")
            : draft("was scheduled for a time that has passed; kept as a draft");
      case "sent" -> draft("sent as a newsletter only, never on the site; kept as a draft");
      case "draft" -> draft("");
      default -> draft("status \"" + status + "\" is not one of Ghost's own; kept as a draft");
    };
  }

  private static PostRules.Import draft(String note) {
    return new PostRules.Import(ArticleStatus.DRAFT, null, null, null, note);
  }

  private BodyWalker.Images images() {
    if (options.dryRun()) return (attachment, src) -> 1L;
    return (attachment, src) -> {
      var key = AttachmentFiles.keyOfUrl(src);
      return key.isEmpty()
          ? null
          : m.db().read(tx -> m.ledger().imageByFile(tx, scan.origin, key).orElse(null));
    };
  }

  private static Instant time(String iso) {
    if (iso == null || iso.isBlank()) return null;
    try {
      return Instant.parse(iso);
    } catch (DateTimeParseException e) {
      try {
        return java.time.OffsetDateTime.parse(
                iso.replace(' ', 'T') + (iso.endsWith("Z") ? "" : "Z"))
            .toInstant();
      } catch (DateTimeParseException again) {
        return null;
      }
    }
  }
}
