package dev.byline.analytics;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.byline.content.Article;
import dev.byline.content.AuthorStore;
import dev.byline.content.PublishedArticles;
import dev.byline.content.SectionStore;
import dev.byline.content.Slugs;
import dev.byline.content.TopicStore;
import java.time.Duration;
import java.util.Set;

/**
 * Maps reported paths to the site's pages, at flush time rather than per view: an article path
 * (also an old slug that now redirects) counts for the article and its section; section, topic
 * and author pages and the front page count under their path; anything else is pooled as
 * {@code (other)}, so made-up paths cannot fill the database.
 */
public final class PageResolver {
  /** Enough for every page read in a busy day; answers are cheap to refetch. */
  static final int CACHE_SIZE = 50_000;
  /** A slug change or a new section shows up within this time. */
  static final Duration CACHE_TIME = Duration.ofMinutes(10);

  private final PublishedArticles articles;
  private final SectionStore sections;
  private final TopicStore topics;
  private final AuthorStore authors;
  private final Set<String> fixedPaths;
  private final Cache<String, PageRef> cache =
      Caffeine.newBuilder().maximumSize(CACHE_SIZE).expireAfterWrite(CACHE_TIME).build();

  /** @param fixedPaths other paths the site serves that are worth counting, e.g. {@code /most-read} */
  public PageResolver(
      PublishedArticles articles,
      SectionStore sections,
      TopicStore topics,
      AuthorStore authors,
      Set<String> fixedPaths) {
    this.articles = articles;
    this.sections = sections;
    this.topics = topics;
    this.authors = authors;
    this.fixedPaths = Set.copyOf(fixedPaths);
  }

  public PageRef resolve(String path) {
    if (path.equals(Tally.OTHER)) return PageRef.OTHER;
    return cache.get(path, this::lookUp);
  }

  private PageRef lookUp(String path) {
    if (path.equals("/") || fixedPaths.contains(path)) return new PageRef(path, null, "");
    var parts = path.substring(1).split("/", -1);
    if (parts.length == 1 && Slugs.isValid(parts[0])) {
      return sections
          .bySlug(parts[0])
          .map(s -> new PageRef(s.path(), null, s.slug()))
          .orElse(PageRef.OTHER);
    }
    if (parts.length != 2 || !Slugs.isValid(parts[1])) return PageRef.OTHER;
    if (parts[0].equals("topic")) {
      return topics
          .bySlug(parts[1])
          .map(t -> new PageRef(t.path(), null, ""))
          .orElse(PageRef.OTHER);
    }
    if (parts[0].equals("author")) {
      return authors
          .bySlug(parts[1])
          .map(a -> new PageRef(a.path(), null, ""))
          .orElse(PageRef.OTHER);
    }
    var article = articles
        .bySlug(parts[1])
        .filter(Article::isPublished)
        .or(() -> articles.redirectedFrom(parts[1]).filter(Article::isPublished));
    return article
        .map(a ->
            new PageRef(a.path(), a.id(), a.section() == null ? "" : a.section().slug()))
        .orElse(PageRef.OTHER);
  }
}
