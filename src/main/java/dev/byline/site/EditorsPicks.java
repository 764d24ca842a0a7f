package dev.byline.site;

import dev.byline.content.ArticleSummary;
import dev.byline.content.PublishedArticles;
import dev.byline.curation.Curation;
import dev.byline.curation.Pin;
import dev.byline.curation.Place;
import dev.byline.store.SurrogateKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What editors pinned, as pages show it: read once per render (pages are cached, so that is
 * rarely), with pins that have expired or whose story is no longer published left out.
 */
final class EditorsPicks {
  /** The pinned lead (null when none), the pinned top stories, and every collection's block. */
  record Picks(ArticleSummary lead, List<ArticleSummary> top, List<CollectionBlock> blocks) {
    /** The blocks that show on the front page. */
    List<CollectionBlock> onFront() {
      return blocks.stream().filter(b -> b.collection().onFront()).toList();
    }

    /** The blocks that show on a section's front. */
    List<CollectionBlock> inSection(long sectionId) {
      return blocks.stream()
          .filter(
              b -> b.collection().sectionId() != null && b.collection().sectionId() == sectionId)
          .toList();
    }

    /** Keys for a page showing {@code shown}: curation, and each story's own key. */
    static Set<String> keys(List<CollectionBlock> shown) {
      var keys = new HashSet<String>();
      keys.add(SurrogateKey.CURATION);
      shown.forEach(b -> b.stories().forEach(s -> keys.add(SurrogateKey.article(s.id()))));
      return keys;
    }
  }

  private final Curation curation;
  private final PublishedArticles articles;
  private final Clock clock;

  EditorsPicks(Curation curation, PublishedArticles articles, Clock clock) {
    this.curation = curation;
    this.articles = articles;
    this.clock = clock;
  }

  Picks read() {
    var pins = curation.showing(clock.instant());
    var ids = new LinkedHashSet<Long>();
    pins.forEach(p -> ids.add(p.articleId()));
    Map<Long, ArticleSummary> byId = articles.summaries(ids).stream()
        .collect(Collectors.toMap(ArticleSummary::id, Function.identity()));
    ArticleSummary lead = null;
    var top = new ArrayList<ArticleSummary>();
    for (var pin : pins) {
      var story = byId.get(pin.articleId());
      if (story == null) continue;
      if (pin.place() == Place.LEAD && lead == null) lead = story;
      if (pin.place() == Place.TOP && !top.contains(story)) top.add(story);
    }
    var finalLead = lead;
    top.removeIf(s -> finalLead != null && s.id() == finalLead.id());
    var blocks = new ArrayList<CollectionBlock>();
    for (var c : curation.collections()) {
      var stories = pins.stream()
          .filter(p -> p.place() == Place.COLLECTION && p.collectionId() == c.id())
          .map(Pin::articleId)
          .map(byId::get)
          .filter(s -> s != null)
          .toList();
      if (!stories.isEmpty()) blocks.add(new CollectionBlock(c, stories));
    }
    return new Picks(lead, top, blocks);
  }
}
