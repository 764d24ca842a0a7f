package dev.byline.search;

import dev.byline.bench.NewsCorpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A reproducible news archive for benchmarks: article {@code i} is the same on every run. Five
 * consecutive articles tell one story (they share three made-up names and a topic); each has a
 * headline, a standfirst and eight paragraphs (~400 words), two topics and one of eight sections,
 * one article every 2.5 minutes from 2020 on.
 */
final class GeneratedArchive {
  static final int STORY_SIZE = 5;
  static final int TOPICS = 5_000;
  static final int SECTIONS = 8;
  static final int PARAGRAPHS = 8;
  static final long SEED = 42;
  static final long START_MILLIS =
      java.time.Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();

  private final NewsCorpus corpus;

  GeneratedArchive(NewsCorpus corpus) {
    this.corpus = corpus;
  }

  /** One generated article before it becomes HTML blocks or index fields. */
  record Generated(
      long id,
      String slug,
      String headline,
      String standfirst,
      List<String> paragraphs,
      long sectionId,
      List<Long> topicIds,
      long publishedMillis) {
    String body() {
      return String.join("\n\n", paragraphs);
    }

    IndexedArticle indexed() {
      return new IndexedArticle(
          id, slug, headline, standfirst, body(), sectionId, topicIds, publishedMillis, null);
    }
  }

  Generated article(int i) {
    var r = new Random(SEED * 1_000_003L + i);
    int story = i / STORY_SIZE;
    var names = List.of(
        NewsCorpus.name(story * 3L),
        NewsCorpus.name(story * 3L + 1),
        NewsCorpus.name(story * 3L + 2));
    var headline = corpus.sentence(r, 9, names);
    headline = headline.substring(0, Math.min(headline.length() - 1, 200));
    var standfirst = corpus.sentence(r, 20, names);
    if (standfirst.length() > 600) standfirst = standfirst.substring(0, 599);
    var paragraphs = new ArrayList<String>(PARAGRAPHS);
    for (int p = 0; p < PARAGRAPHS; p++)
      paragraphs.add(corpus.sentence(r, 22, names) + " " + corpus.sentence(r, 22, names));
    long section = 1 + story % SECTIONS;
    long storyTopic = 1 + story % TOPICS;
    long other = 1 + r.nextInt(TOPICS);
    var topics = other == storyTopic ? List.of(storyTopic) : List.of(storyTopic, other);
    long when = START_MILLIS + i * 150_000L + r.nextInt(120) * 1000L;
    return new Generated(
        i + 1L, "story-" + (i + 1), headline, standfirst, paragraphs, section, topics, when);
  }
}
