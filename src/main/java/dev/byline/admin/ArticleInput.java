package dev.byline.admin;

import dev.byline.content.Article;
import dev.byline.content.ArticleDraft;
import dev.byline.content.ArticleStatus;
import dev.byline.content.Author;
import dev.byline.content.AuthorStore;
import dev.byline.content.Block;
import dev.byline.content.InvalidInput;
import dev.byline.content.Language;
import dev.byline.content.Markdown;
import dev.byline.content.SectionStore;
import dev.byline.content.Slugs;
import dev.byline.content.Source;
import dev.byline.content.Text;
import dev.byline.content.Topic;
import dev.byline.content.TopicStore;
import dev.byline.content.TopicType;
import dev.byline.media.ImageStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Turns the editor's form into an {@link ArticleDraft} to save, or into an unsaved
 * {@link Article} to preview. Every problem is reported against the field it came from, all at
 * once, so one round trip shows them all.
 */
final class ArticleInput {
  private final Markdown markdown = new Markdown();
  private final SectionStore sections;
  private final TopicStore topics;
  private final AuthorStore authors;
  private final ImageStore images;
  private final Clock clock;

  ArticleInput(
      SectionStore sections,
      TopicStore topics,
      AuthorStore authors,
      ImageStore images,
      Clock clock) {
    this.sections = sections;
    this.topics = topics;
    this.authors = authors;
    this.images = images;
    this.clock = clock;
  }

  /** Checked fields, before names become stored topics and authors. */
  private record Checked(List<Block> body, Long sectionId, Long featuredImageId) {}

  private Optional<Checked> check(Form f) {
    field(
        f,
        "headline",
        () -> Text.required("headline", f.value("headline"), ArticleDraft.MAX_HEADLINE));
    field(
        f,
        "standfirst",
        () -> Text.optional("standfirst", f.value("standfirst"), ArticleDraft.MAX_STANDFIRST));
    field(f, "dateline", () -> Text.optional("dateline", f.value("dateline"), 200));
    field(f, "source", () -> Text.optional("source", f.value("source"), 120));
    field(f, "credit", () -> Text.optional("credit line", f.value("credit"), 500));
    field(f, "seo-title", () -> Text.optional("SEO title", f.value("seo-title"), 200));
    field(
        f,
        "seo-description",
        () -> Text.optional("SEO description", f.value("seo-description"), 400));
    field(f, "update-note", () -> Text.optional("update note", f.value("update-note"), 1000));
    field(f, "language", () -> Language.tag("language", f.value("language")));
    if (!f.value("slug").isBlank())
      field(f, "slug", () -> {
        Slugs.check("slug", f.value("slug").strip());
        return "";
      });
    for (var name : ArticleForm.names(f.value("topics")))
      field(f, "topics", () -> Text.required("topic name", TypedName.of(name).name(), 120));
    for (var name : ArticleForm.names(f.value("bylines")))
      field(f, "bylines", () -> Text.required("byline", name, 120));
    var sectionId = Params.optionalId(f, "section", "Section must be chosen from the list");
    if (sectionId != null && sections.byId(sectionId).isEmpty())
      f.error("section", "Section no longer exists; choose another");
    var imageId = Params.optionalId(
        f, "featured-image", "Featured image must be a photo number from the photo desk");
    if (imageId != null && images.byId(imageId).isEmpty())
      f.error("featured-image", "Featured image " + imageId + " is not in the photo desk");
    List<Block> body = List.of();
    try {
      body = BodyField.ARTICLE.blocks(f, markdown);
      BodyField.checkPhotos(body, images);
    } catch (InvalidInput e) {
      f.error("body", sentence(e.field(), e.reason()));
    }
    return f.hasErrors() ? Optional.empty() : Optional.of(new Checked(body, sectionId, imageId));
  }

  /** The draft to save, creating new topics (as subjects) and authors it names; empty with errors on the form. */
  Optional<ArticleDraft> draft(Form f) {
    var checked = check(f);
    if (checked.isEmpty()) return Optional.empty();
    var topicIds = new ArrayList<Long>();
    for (var typed : ArticleForm.names(f.value("topics"))) {
      var named = TypedName.of(typed);
      topicIds.add(topics
          .named(named.name())
          .orElseGet(() -> topics.ensure(named.name(), named.type()))
          .id());
    }
    var authorIds = new ArrayList<Long>();
    for (var name : ArticleForm.names(f.value("bylines"))) {
      authorIds.add(authors.named(name).orElseGet(() -> authors.ensure(name)).id());
    }
    try {
      var c = checked.get();
      return Optional.of(new ArticleDraft(
          f.value("slug"),
          f.value("headline"),
          f.value("standfirst"),
          f.value("dateline"),
          new Source(f.value("source"), f.value("credit")),
          c.sectionId(),
          topicIds,
          authorIds,
          c.featuredImageId(),
          c.body(),
          f.value("seo-title"),
          f.value("seo-description"),
          f.value("update-note"),
          f.value("language")));
    } catch (InvalidInput e) {
      f.error(fieldOf(e.field()), sentence(e.field(), e.reason()));
      return Optional.empty();
    }
  }

  /** An unsaved article as readers would see it; names not yet stored appear as they will. Empty with errors on the form. */
  Optional<Article> preview(Form f, Article stored) {
    var checked = check(f);
    if (checked.isEmpty()) return Optional.empty();
    var c = checked.get();
    var topicList = new ArrayList<Topic>();
    for (var typed : ArticleForm.names(f.value("topics"))) {
      var named = TypedName.of(typed);
      topicList.add(topics
          .named(named.name())
          .orElseGet(
              () -> new Topic(0, slugOr(named.name(), "topic"), named.name(), named.type())));
    }
    var authorList = new ArrayList<Author>();
    for (var name : ArticleForm.names(f.value("bylines"))) {
      authorList.add(authors
          .named(name)
          .orElseGet(() -> new Author(0, slugOr(name, "author"), name, "", null)));
    }
    var ids = new LinkedHashSet<Long>();
    if (c.featuredImageId() != null) ids.add(c.featuredImageId());
    ids.addAll(Block.imageIds(c.body()));
    var now = clock.instant();
    var published = stored != null && stored.firstPublishedAt() != null;
    var slug = f.value("slug").isBlank()
        ? slugOr(f.value("headline"), "story")
        : f.value("slug").strip();
    try {
      return Optional.of(new Article(
          stored == null ? 0 : stored.id(),
          slug,
          ArticleStatus.DRAFT,
          f.value("headline").strip(),
          f.value("standfirst").strip(),
          f.value("dateline").strip(),
          new Source(f.value("source"), f.value("credit")),
          c.sectionId() == null ? null : sections.byId(c.sectionId()).orElse(null),
          topicList,
          authorList,
          c.featuredImageId(),
          c.body(),
          images.byIds(ids),
          f.value("seo-title").strip(),
          f.value("seo-description").strip(),
          f.value("update-note").strip(),
          Language.tag("language", f.value("language")),
          published ? stored.firstPublishedAt() : now,
          published && stored.isPublished() ? now : null,
          null,
          null,
          now,
          now,
          stored == null ? 0 : stored.version()));
    } catch (InvalidInput e) {
      f.error(fieldOf(e.field()), sentence(e.field(), e.reason()));
      return Optional.empty();
    }
  }

  /** A topic as typed: "Ana Vestergaard (person)" names a new topic's kind; plain names are subjects. */
  record TypedName(String name, TopicType type) {
    private static final java.util.regex.Pattern KIND = java.util.regex.Pattern.compile(
        "(.+?)\\s*\\((person|place|organisation|organization|subject)\\)",
        java.util.regex.Pattern.CASE_INSENSITIVE);

    static TypedName of(String typed) {
      var m = KIND.matcher(typed.strip());
      return m.matches()
          ? new TypedName(m.group(1).strip(), TopicType.parse(m.group(2)))
          : new TypedName(typed.strip(), TopicType.SUBJECT);
    }
  }

  private static String slugOr(String text, String fallback) {
    var s = Slugs.from(text);
    return s.isEmpty() ? fallback : s;
  }

  private interface Check {
    Object run();
  }

  private static void field(Form f, String name, Check check) {
    try {
      check.run();
    } catch (InvalidInput e) {
      f.error(name, sentence(e.field(), e.reason()));
    }
  }

  static String sentence(String field, String reason) {
    var label = field.isEmpty() ? "" : Character.toUpperCase(field.charAt(0)) + field.substring(1);
    return label + " " + reason;
  }

  /** The form field an {@link InvalidInput} from the content model is about. */
  static String fieldOf(String contentField) {
    var f = contentField.toLowerCase(java.util.Locale.ROOT);
    if (f.equals("credit line")) return "credit";
    if (f.equals("seo title")) return "seo-title";
    if (f.equals("seo description")) return "seo-description";
    if (f.equals("update note")) return "update-note";
    if (f.equals("featured image")) return "featured-image";
    if (f.startsWith("topic")) return "topics";
    if (f.startsWith("byline") || f.startsWith("author")) return "bylines";
    if (ArticleForm.FIELDS.contains(f)) return f;
    return "body";
  }
}
