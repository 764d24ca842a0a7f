package dev.byline.personalize;

import dev.byline.content.Topic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable picture of the fresh articles: what each is filed under, and for each topic and
 * section its articles newest first. Replaced whole when articles change, so readers of the
 * index never lock.
 */
final class FreshIndex {
  /** One fresh article: what scoring needs, nothing a page needs. */
  record Entry(long id, long sectionId, long publishedMillis, long[] topicIds) {}

  private static final Comparator<Entry> NEWEST_FIRST = Comparator.comparingLong(
          Entry::publishedMillis)
      .reversed()
      .thenComparing(Comparator.comparingLong(Entry::id).reversed());

  static final FreshIndex EMPTY = new FreshIndex(Map.of(), Map.of());

  private final Map<Long, Entry> byId;
  private final Map<Long, List<Entry>> byTopic;
  private final Map<Long, List<Entry>> bySection;
  private final Map<Long, Topic> topics;
  private final Map<String, Topic> topicsBySlug;

  FreshIndex(Map<Long, Entry> entries, Map<Long, Topic> topics) {
    this.byId = Map.copyOf(entries);
    var t = new HashMap<Long, List<Entry>>();
    var s = new HashMap<Long, List<Entry>>();
    for (var e : entries.values()) {
      for (long topic : e.topicIds())
        t.computeIfAbsent(topic, k -> new ArrayList<>()).add(e);
      if (e.sectionId() > 0)
        s.computeIfAbsent(e.sectionId(), k -> new ArrayList<>()).add(e);
    }
    t.values().forEach(list -> list.sort(NEWEST_FIRST));
    s.values().forEach(list -> list.sort(NEWEST_FIRST));
    this.byTopic = t;
    this.bySection = s;
    this.topics = Map.copyOf(topics);
    var slugs = new HashMap<String, Topic>();
    topics.values().forEach(topic -> slugs.put(topic.slug(), topic));
    this.topicsBySlug = slugs;
  }

  /** A new index with {@code upserts} in, {@code removed} out, and anything published before the cutoff gone. */
  FreshIndex with(
      Collection<Entry> upserts,
      Set<Long> removed,
      Map<Long, Topic> moreTopics,
      long cutoffMillis) {
    var entries = new HashMap<Long, Entry>(byId);
    removed.forEach(entries::remove);
    upserts.forEach(e -> entries.put(e.id(), e));
    entries.values().removeIf(e -> e.publishedMillis() < cutoffMillis);
    var keptTopics = new HashMap<Long, Topic>(topics);
    keptTopics.putAll(moreTopics);
    var used = new java.util.HashSet<Long>();
    entries.values().forEach(e -> {
      for (long id : e.topicIds()) used.add(id);
    });
    keptTopics.keySet().retainAll(used);
    return new FreshIndex(entries, keptTopics);
  }

  int size() {
    return byId.size();
  }

  Entry get(long id) {
    return byId.get(id);
  }

  /** A topic's fresh articles, newest first. */
  List<Entry> withTopic(long topicId) {
    return byTopic.getOrDefault(topicId, List.of());
  }

  /** A section's fresh articles, newest first. */
  List<Entry> inSection(long sectionId) {
    return bySection.getOrDefault(sectionId, List.of());
  }

  Topic topic(long id) {
    return topics.get(id);
  }

  Topic topicBySlug(String slug) {
    return topicsBySlug.get(slug);
  }
}
