package dev.byline.distribution;

import dev.byline.content.Author;
import dev.byline.content.Section;
import dev.byline.content.Topic;
import dev.byline.store.SurrogateKey;
import java.util.Set;

/** Which stories a feed follows: the front page's (all), a section's, a topic's or an author's. */
public sealed interface FeedScope {
  /** The feed's title, before the site name is added. */
  String name();

  /** The HTML page the feed follows, e.g. {@code /world}. */
  String pagePath();

  /** Where its files live, ending in a slash, e.g. {@code /feed/world/}. */
  String folderPath();

  /** Surrogate keys any change to the feed's list carries. */
  Set<String> keys();

  record Front() implements FeedScope {
    public String name() {
      return "";
    }

    public String pagePath() {
      return "/";
    }

    public String folderPath() {
      return "/feed/";
    }

    public Set<String> keys() {
      return Set.of(SurrogateKey.FRONT, SurrogateKey.LISTS);
    }
  }

  record OfSection(Section section) implements FeedScope {
    public String name() {
      return section.name();
    }

    public String pagePath() {
      return section.path();
    }

    public String folderPath() {
      return "/feed/" + section.slug() + "/";
    }

    public Set<String> keys() {
      return Set.of(SurrogateKey.section(section.id()));
    }
  }

  record OfTopic(Topic topic) implements FeedScope {
    public String name() {
      return topic.name();
    }

    public String pagePath() {
      return topic.path();
    }

    public String folderPath() {
      return "/feed/topic/" + topic.slug() + "/";
    }

    public Set<String> keys() {
      return Set.of(SurrogateKey.topic(topic.id()));
    }
  }

  record OfAuthor(Author author) implements FeedScope {
    public String name() {
      return author.name();
    }

    public String pagePath() {
      return author.path();
    }

    public String folderPath() {
      return "/feed/author/" + author.slug() + "/";
    }

    public Set<String> keys() {
      return Set.of(SurrogateKey.author(author.id()));
    }
  }

  /** The feed folder of the HTML page at {@code pagePath}, for autodiscovery; the same mapping as above. */
  static String folderOf(String pagePath) {
    if (pagePath.equals("/") || pagePath.isEmpty()) return "/feed/";
    return "/feed" + pagePath + "/";
  }
}
