package dev.byline.content;

import java.util.List;

/**
 * What an editor or a wire item supplies to create or change an article. Checks itself; a
 * blank slug means "make one from the headline".
 *
 * @param language the story's own language as a BCP 47 tag ({@link Language}); null or blank for
 *     the site's language
 */
public record ArticleDraft(
    String slug,
    String headline,
    String standfirst,
    String dateline,
    Source source,
    Long sectionId,
    List<Long> topicIds,
    List<Long> authorIds,
    Long featuredImageId,
    List<Block> body,
    String seoTitle,
    String seoDescription,
    String updateNote,
    String language) {

  public static final int MAX_HEADLINE = 300;
  public static final int MAX_STANDFIRST = 600;

  public ArticleDraft {
    headline = Text.required("headline", headline, MAX_HEADLINE);
    slug = slug == null || slug.isBlank() ? Slugs.from(headline) : slug.strip();
    if (slug.isEmpty()) slug = "story";
    Slugs.check("slug", slug);
    standfirst = Text.optional("standfirst", standfirst, MAX_STANDFIRST);
    dateline = Text.optional("dateline", dateline, 200);
    source = source == null ? Source.NONE : source;
    topicIds =
        List.copyOf(topicIds == null ? List.of() : topicIds.stream().distinct().toList());
    authorIds = List.copyOf(
        authorIds == null ? List.of() : authorIds.stream().distinct().toList());
    body = List.copyOf(body == null ? List.of() : body);
    seoTitle = Text.optional("SEO title", seoTitle, 200);
    seoDescription = Text.optional("SEO description", seoDescription, 400);
    updateNote = Text.optional("update note", updateNote, 1000);
    language = Language.tag("language", language);
  }

  /** A draft in the site's language. */
  public ArticleDraft(
      String slug,
      String headline,
      String standfirst,
      String dateline,
      Source source,
      Long sectionId,
      List<Long> topicIds,
      List<Long> authorIds,
      Long featuredImageId,
      List<Block> body,
      String seoTitle,
      String seoDescription,
      String updateNote) {
    this(
        slug,
        headline,
        standfirst,
        dateline,
        source,
        sectionId,
        topicIds,
        authorIds,
        featuredImageId,
        body,
        seoTitle,
        seoDescription,
        updateNote,
        null);
  }

  /** A draft with only the fields a quick story needs. */
  public static ArticleDraft of(
      String headline, String standfirst, Long sectionId, List<Block> body) {
    return new ArticleDraft(
        null,
        headline,
        standfirst,
        "",
        Source.NONE,
        sectionId,
        List.of(),
        List.of(),
        null,
        body,
        "",
        "",
        "");
  }

  public ArticleDraft withSlug(String newSlug) {
    return new ArticleDraft(
        newSlug,
        headline,
        standfirst,
        dateline,
        source,
        sectionId,
        topicIds,
        authorIds,
        featuredImageId,
        body,
        seoTitle,
        seoDescription,
        updateNote,
        language);
  }

  /** The same draft in {@code tag}'s language (null or blank: the site's). */
  public ArticleDraft withLanguage(String tag) {
    return new ArticleDraft(
        slug,
        headline,
        standfirst,
        dateline,
        source,
        sectionId,
        topicIds,
        authorIds,
        featuredImageId,
        body,
        seoTitle,
        seoDescription,
        updateNote,
        tag);
  }
}
