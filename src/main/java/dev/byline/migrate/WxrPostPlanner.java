package dev.byline.migrate;

import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.content.Html;
import dev.byline.content.InvalidInput;
import dev.byline.content.Slugs;
import dev.byline.content.Source;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Plans one WordPress post or page: its status by {@link PostRules}, its filing by
 * {@link Taxonomy} and {@link Catalog}, its body by {@link WpContent}, its featured image
 * ({@code _thumbnail_id}) from the photo desk, its old addresses and its comments.
 */
final class WxrPostPlanner {
  private final Migrations m;
  private final WxrScan scan;
  private final Catalog catalog;
  private final MigrationOptions options;
  private final Instant now;

  WxrPostPlanner(Migrations m, WxrScan scan, Catalog catalog, MigrationOptions options) {
    this.m = m;
    this.scan = scan;
    this.catalog = catalog;
    this.options = options;
    this.now = m.clock().instant();
  }

  Plan plan(WxrItem item) {
    var id = Long.toString(item.postId());
    var decision = PostRules.decide(item, m.zone(), now, options.publishPages());
    var title = Html.toText(item.title());
    if (decision instanceof PostRules.Skip s)
      return Plan.skip("post", item.type(), id, title, s.reason());
    var notes = new Notes();
    var images = images();
    var body = WpContent.toBlocks(item.content(), images, notes);
    var headline = headline(title, body, notes);
    if (headline.isEmpty())
      return Plan.skip("post", item.type(), id, title, "has neither a title nor any text");
    ArticleDraft draft;
    try {
      draft = draft(item, headline, body, images, notes);
    } catch (InvalidInput e) {
      return Plan.skip("post", item.type(), id, title, e.getMessage());
    }
    return new Plan(
        "post",
        item.type(),
        id,
        headline,
        decision,
        draft,
        LegacyPaths.post(item, scan.origin),
        comments(item, notes),
        notes);
  }

  /** The article: filed by the taxonomy, by its writer, with its featured image and SEO fields. */
  private ArticleDraft draft(
      WxrItem item, String headline, List<Block> body, BodyWalker.Images images, Notes notes) {
    var filing = scan.taxonomy.fileOf(item);
    var topics = new ArrayList<>(
        filing.topics().stream().map(catalog::topic).filter(Objects::nonNull).toList());
    if (filing.section() != null && !catalog.hasSection(filing.section())) {
      // Its category is used by no published post, so it gave no section; keep it as a topic.
      var topic = catalog.topic(filing.section());
      if (topic != null) topics.add(0, topic);
    }
    var author = catalog.author(item.creator());
    var thumbnail = WxrFields.number(item.meta("_thumbnail_id"));
    Long featured = thumbnail > 0 ? images.find(thumbnail, "") : null;
    if (thumbnail > 0 && featured == null)
      notes.add("its featured image (attachment " + thumbnail + ") is not in the photo desk");
    return new ArticleDraft(
        slug(item, headline, notes),
        headline,
        standfirst(item.excerpt(), notes),
        "",
        Source.NONE,
        catalog.section(filing.section()),
        topics,
        author == null ? List.of() : List.of(author),
        featured,
        body,
        Words.cut(seo(item, "_yoast_wpseo_title", "rank_math_title"), 200),
        Words.cut(seo(item, "_yoast_wpseo_metadesc", "rank_math_description"), 400),
        "");
  }

  /** In a dry run nothing was stored, so every picture counts as found. */
  private BodyWalker.Images images() {
    if (options.dryRun()) return (attachment, src) -> 1L;
    return (attachment, src) -> m.db().read(tx -> {
      if (attachment > 0) {
        var found = m.ledger().target(tx, scan.origin, "attachment", Long.toString(attachment));
        if (found.isPresent()) return found.get();
      }
      var key = AttachmentFiles.keyOfUrl(src);
      return key.isEmpty() ? null : m.ledger().imageByFile(tx, scan.origin, key).orElse(null);
    });
  }

  private static String headline(String title, List<Block> body, Notes notes) {
    if (!title.isEmpty()) {
      if (title.length() <= ArticleDraft.MAX_HEADLINE) return title;
      notes.add("its title was longer than " + ArticleDraft.MAX_HEADLINE
          + " characters and was shortened");
      return Words.cut(title, ArticleDraft.MAX_HEADLINE);
    }
    var text = Html.collapseSpace(firstText(body));
    if (text.isEmpty()) return "";
    notes.add("it had no title; its first words are the headline");
    return Words.cut(text, 100);
  }

  private static String firstText(List<Block> body) {
    for (var b : body) if (!b.text().isBlank()) return b.text();
    return "";
  }

  private static String slug(WxrItem item, String headline, Notes notes) {
    var decoded = Catalog.decode(item.postName());
    if (Slugs.isValid(decoded)) return decoded;
    var slug = Slugs.from(decoded.isEmpty() ? headline : decoded);
    if (!decoded.isEmpty()) notes.add("its slug \"" + decoded + "\" became \"" + slug + "\"");
    return slug;
  }

  private static String standfirst(String excerpt, Notes notes) {
    var text = Html.toText(excerpt);
    if (text.length() <= ArticleDraft.MAX_STANDFIRST) return text;
    notes.add("its excerpt was longer than a standfirst may be and was shortened");
    return Words.cut(text, ArticleDraft.MAX_STANDFIRST);
  }

  /** An SEO plugin's title or description, unless it is a template ("%%title%% %%sep%%"). */
  private static String seo(WxrItem item, String yoast, String rankMath) {
    for (var key : List.of(yoast, rankMath)) {
      var v = Html.toText(item.meta(key));
      if (!v.isEmpty() && !v.contains("%%") && !v.contains("%title%")) return v;
    }
    return "";
  }

  private List<Plan.PlannedComment> comments(WxrItem item, Notes notes) {
    var out = new ArrayList<Plan.PlannedComment>();
    int left = 0;
    for (var c : item.comments()) {
      var status = switch (c.approved()) {
        case "1", "approve" -> "approved";
        case "0", "hold" -> "pending";
        default -> null;
      };
      if (status == null) {
        left++;
        continue;
      }
      var at = WxrItem.parse(c.dateGmt(), ZoneOffset.UTC);
      out.add(new Plan.PlannedComment(
          Long.toString(c.id()),
          c.parent() == 0 ? "" : Long.toString(c.parent()),
          Words.cut(c.author(), 200),
          Words.cut(c.email(), 200),
          Words.cut(c.url(), 500),
          at != null ? at : WxrItem.parse(c.date(), m.zone()),
          status,
          c.type().isEmpty() ? "comment" : c.type(),
          c.content()));
    }
    if (left > 0) notes.add(left + " spam or trashed comment(s) were left behind");
    return out;
  }
}
