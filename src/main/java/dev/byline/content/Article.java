package dev.byline.content;

import dev.byline.media.Image;
import dev.byline.store.SurrogateKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A story as stored, with what it refers to resolved: section, topics, authors and every image
 * its featured slot and body use.
 *
 * @param updatedAt when the published story last changed for readers; "Updated" shows when
 *     this is after {@code firstPublishedAt}
 * @param modifiedAt when any field last changed, published or not
 * @param version increases with every save; a save names the version it edited
 * @param images every image the article uses, by id
 * @param language the story's own language as a BCP 47 tag, or null when it is in the site's
 */
public record Article(
    long id,
    String slug,
    ArticleStatus status,
    String headline,
    String standfirst,
    String dateline,
    Source source,
    Section section,
    List<Topic> topics,
    List<Author> authors,
    Long featuredImageId,
    List<Block> body,
    Map<Long, Image> images,
    String seoTitle,
    String seoDescription,
    String updateNote,
    String language,
    Instant firstPublishedAt,
    Instant updatedAt,
    Instant scheduledAt,
    Instant embargoUntil,
    Instant createdAt,
    Instant modifiedAt,
    int version) {

  public Article {
    topics = List.copyOf(topics);
    authors = List.copyOf(authors);
    body = List.copyOf(body);
    images = Map.copyOf(images);
  }

  /** The story's own language, or empty when it is written in the site's. */
  public Optional<String> ownLanguage() {
    return Optional.ofNullable(language);
  }

  public boolean isPublished() {
    return status == ArticleStatus.PUBLISHED;
  }

  /** True when readers should see "Updated": it changed after it first went out. */
  public boolean isUpdated() {
    return firstPublishedAt != null
        && updatedAt != null
        && updatedAt.isAfter(firstPublishedAt.plusSeconds(59));
  }

  public Optional<Image> featuredImage() {
    return featuredImageId == null
        ? Optional.empty()
        : Optional.ofNullable(images.get(featuredImageId));
  }

  /** The URL path, e.g. {@code /world/port-talks-resume}. */
  public String path() {
    return ArticlePath.of(section, slug);
  }

  /** The time shown as last modified: the update time when updated, else first publication. */
  public Instant lastModified() {
    if (isUpdated()) return updatedAt;
    return firstPublishedAt != null ? firstPublishedAt : modifiedAt;
  }

  public String bylineNames() {
    return authors.stream().map(Author::name).collect(Collectors.joining(" and "));
  }

  /** The whole text of the body, for search, related links and metadata. */
  public String bodyText() {
    return bodyText(body);
  }

  static String bodyText(List<Block> body) {
    return body.stream()
        .map(Block::text)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.joining("\n\n"));
  }

  public ArticleSummary summary() {
    return new ArticleSummary(
        id,
        slug,
        headline,
        standfirst,
        section,
        featuredImage().orElse(null),
        firstPublishedAt,
        updatedAt,
        source.name(),
        language);
  }

  /** The surrogate keys a page showing this article depends on. */
  public List<String> surrogateKeys() {
    var keys = new java.util.ArrayList<String>();
    keys.add(SurrogateKey.article(id));
    if (section != null) keys.add(SurrogateKey.section(section.id()));
    topics.forEach(t -> keys.add(SurrogateKey.topic(t.id())));
    authors.forEach(a -> keys.add(SurrogateKey.author(a.id())));
    images.keySet().forEach(i -> keys.add(SurrogateKey.image(i)));
    return keys;
  }
}
