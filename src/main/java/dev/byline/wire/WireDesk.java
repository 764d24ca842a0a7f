package dev.byline.wire;

import dev.byline.content.ArticleStatus;
import dev.byline.content.ArticleStore;
import dev.byline.content.InvalidInput;
import dev.byline.content.SectionStore;
import dev.byline.content.StaleEdit;
import dev.byline.store.ChangeFeed;
import dev.byline.store.Database;
import dev.byline.store.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what each arriving version does, atomically with storing it. A new story waits in the
 * inbox or, by rule, is published (scheduled when embargoed). A higher version updates the
 * story's article, which then shows "Updated"; an equal or lower one is ignored. A canceled or
 * withheld version takes the article down and flags the story for editors.
 *
 * <pre>{@code
 * var outcomes = desk.ingest(List.of(new WireDesk.Incoming(item, "story.xml", imageIds)), WireDesk.Options.NONE);
 * }</pre>
 */
public final class WireDesk {
  private static final Logger log = LoggerFactory.getLogger(WireDesk.class);
  private static final String SAVEPOINT = "wire_item";

  private final Database db;
  private final ChangeFeed feed;
  private final WireStore store;
  private final ArticleStore articles;
  private final SectionStore sections;
  private final StoryComposer composer;
  private final WireSources sources;
  private final Clock clock;

  public WireDesk(
      Database db,
      ChangeFeed feed,
      WireStore store,
      ArticleStore articles,
      SectionStore sections,
      StoryComposer composer,
      WireSources sources,
      Clock clock) {
    this.db = db;
    this.feed = feed;
    this.store = store;
    this.articles = articles;
    this.sections = sections;
    this.composer = composer;
    this.sources = sources;
    this.clock = clock;
  }

  /** An item to ingest, with the stored image ids of its pictures (null where none could be had). */
  public record Incoming(WireItem item, String fileName, List<Long> imageIds) {
    public Incoming {
      imageIds = imageIds == null
          ? List.of()
          : java.util.Collections.unmodifiableList(new ArrayList<>(imageIds));
    }
  }

  /**
   * How a batch is ingested.
   *
   * @param publish publish every new usable story at once (bulk import {@code --publish})
   * @param sectionSlug put what is published in this section, overriding rules
   * @param keepDates publish with the items' own dates (archive migrations) rather than now
   */
  public record Options(boolean publish, String sectionSlug, boolean keepDates) {
    public static final Options NONE = new Options(false, "", false);
  }

  /** What happened to one item. */
  public enum Result {
    IMPORTED,
    UPDATED,
    IGNORED,
    FAILED
  }

  /**
   * What happened to one item.
   *
   * @param mayPass for a failure, true when it may pass if tried again (the database, the disk),
   *     false when the item itself is refused
   */
  public record Outcome(
      Incoming incoming, Result result, long storyId, String reason, boolean mayPass) {
    public Outcome(Incoming incoming, Result result, long storyId, String reason) {
      this(incoming, result, storyId, reason, false);
    }
  }

  /**
   * Ingests a batch in one transaction; an item that cannot be stored fails alone (a savepoint
   * each), whatever it throws. Should the transaction itself fail (a lost connection, a failed
   * commit), each item is tried again in a transaction of its own, so one bad item never rolls
   * back or keeps out the others.
   */
  public List<Outcome> ingest(List<Incoming> batch, Options options) {
    List<Outcome> out;
    try {
      out = db.inTransaction(tx -> ingestEach(tx, batch, options));
    } catch (RuntimeException | Error e) {
      log.warn(
          "event=wire_batch_retried_item_by_item items={} error={}",
          batch.size(),
          e.getClass().getName());
      out = batch.stream().map(in -> alone(in, options)).toList();
    }
    return out;
  }

  private List<Outcome> ingestEach(Tx tx, List<Incoming> batch, Options options) {
    var results = new ArrayList<Outcome>(batch.size());
    for (var in : batch) {
      try {
        results.add(tx.savepoint(SAVEPOINT, () -> ingest(tx, in, options)));
      } catch (RuntimeException | Error e) {
        results.add(failed(in, e));
      }
    }
    return results;
  }

  private Outcome alone(Incoming in, Options options) {
    try {
      return db.inTransaction(tx -> ingest(tx, in, options));
    } catch (RuntimeException | Error e) {
      return failed(in, e);
    }
  }

  /**
   * A failed item's outcome. Its reason is the refusal's own words for bad input; for anything
   * else only the kind of failure, as database errors quote the statement and the item.
   */
  private static Outcome failed(Incoming in, Throwable e) {
    if (e instanceof InvalidInput || e instanceof WireFormatException || e instanceof StaleEdit)
      return new Outcome(in, Result.FAILED, 0, e.getMessage());
    log.error(
        "event=wire_item_failed source={} guid=\"{}\" version={} error={}",
        in.item().source(),
        in.item().guid(),
        in.item().version(),
        e.getClass().getName(),
        e);
    return new Outcome(
        in,
        Result.FAILED,
        0,
        "could not be stored (" + e.getClass().getSimpleName()
            + "); the server log has the details",
        true);
  }

  private Outcome ingest(Tx tx, Incoming in, Options options) {
    var item = in.item();
    var now = clock.instant();
    var existing = store.story(tx, item.source(), item.guid());
    if (existing.isPresent()) {
      var story = existing.get();
      if (!item.supersedes(story.version(), story.versionCreated())) {
        // Late or repeated: kept for the record when new to us, otherwise nothing at all changes.
        if (!store.hasVersion(tx, item))
          store.insertItem(tx, item, in.fileName(), in.imageIds(), now);
        return new Outcome(
            in,
            Result.IGNORED,
            story.id(),
            item.version() == story.version()
                ? "version " + item.version() + " of " + item.versionCreated()
                    + " is not later than the one stored, of " + story.versionCreated()
                : "version " + item.version() + " is not newer than " + story.version());
      }
      long itemId = store.insertItem(tx, item, in.fileName(), in.imageIds(), now);
      store.newVersion(tx, story.id(), item, itemId, now);
      if (item.kind() == ItemKind.PACKAGE) store.setMembers(tx, story.id(), item.members());
      update(tx, story, item, in.imageIds(), now);
      log.info(
          "event=wire_updated source={} guid=\"{}\" version={} status={}",
          item.source(),
          item.guid(),
          item.version(),
          item.pubStatus().dbValue());
      return new Outcome(in, Result.UPDATED, story.id(), "");
    }
    long itemId = store.insertItem(tx, item, in.fileName(), in.imageIds(), now);
    var initial = item.pubStatus() == PubStatus.CANCELED
        ? StoryState.KILLED
        : item.pubStatus() == PubStatus.WITHHELD ? StoryState.WITHHELD : StoryState.NEW;
    long storyId = store.insertStory(tx, item, itemId, initial, now);
    if (item.kind() == ItemKind.PACKAGE) store.setMembers(tx, storyId, item.members());
    var story = new Story(
        storyId,
        item.source(),
        item.guid(),
        itemId,
        item.version(),
        item.versionCreated(),
        initial,
        "",
        null,
        item.kind(),
        item.headline(),
        now,
        now);
    if (initial == StoryState.NEW) arrive(tx, story, item, in.imageIds(), options, now);
    return new Outcome(in, Result.IMPORTED, storyId, "");
  }

  /** A new usable story: joins its package's article, is published by rule, or waits in the inbox. */
  private void arrive(
      Tx tx, Story story, WireItem item, List<Long> imageIds, Options options, Instant now) {
    var source = source(item.source());
    var shared = sharedArticle(tx, story, item);
    if (shared != null) {
      store.setState(tx, story.id(), StoryState.PUBLISHED, "", shared, now);
      rebuild(tx, shared, now);
      return;
    }
    if (item.kind() == ItemKind.PICTURE && !options.publish())
      return; // photos wait for a package or an editor
    var rule = source.ruleFor(item);
    boolean publish = options.publish() || (rule != null ? rule.publish() : source.autoPublish());
    if (!publish) return;
    publishStory(
        tx, story, item, imageIds, placement(source, rule, options), options.keepDates(), now);
  }

  /** Creates the article and publishes it (or schedules it for the embargo). Also used by the inbox. */
  long publishStory(
      Tx tx,
      Story story,
      WireItem item,
      List<Long> imageIds,
      StoryComposer.Placement placement,
      boolean keepDates,
      Instant now) {
    var draft = composer.compose(tx, source(item.source()), item, imageIds, placement, null);
    if (item.embargo() == null || !item.embargo().isAfter(now)) {
      // Published as it is stored: one row written once, one change in the feed.
      var first = keepDates ? firstCreated(item) : now;
      long articleId =
          articles.createPublished(tx, draft, first, keepDates ? updatedAfter(item, first) : null);
      store.setState(tx, story.id(), StoryState.PUBLISHED, "", articleId, now);
      return articleId;
    }
    long articleId = articles.create(tx, draft);
    goLive(tx, story, item, articleId, keepDates, now);
    return articleId;
  }

  private static Instant firstCreated(WireItem item) {
    return item.firstCreated() != null ? item.firstCreated() : item.versionCreated();
  }

  /** The item's own time as the "Updated" time, when it is a later version than the first; else none. */
  private static Instant updatedAfter(WireItem item, Instant first) {
    return item.versionCreated().isAfter(first.plusSeconds(60)) ? item.versionCreated() : null;
  }

  private void goLive(
      Tx tx, Story story, WireItem item, long articleId, boolean keepDates, Instant now) {
    if (item.embargo() != null && item.embargo().isAfter(now)) {
      articles.schedule(tx, articleId, now, item.embargo());
      store.setState(tx, story.id(), StoryState.SCHEDULED, "", articleId, now);
    } else {
      if (keepDates) {
        var first = firstCreated(item);
        articles.publishAsOf(tx, articleId, first, updatedAfter(item, first));
      } else {
        articles.publish(tx, articleId);
      }
      store.setState(tx, story.id(), StoryState.PUBLISHED, "", articleId, now);
    }
  }

  private void update(Tx tx, Story story, WireItem item, List<Long> imageIds, Instant now) {
    if (item.pubStatus().takesDown()) {
      takeDown(tx, story, item, now);
      return;
    }
    switch (story.state()) {
      case PUBLISHED, SCHEDULED -> {
        rebuild(tx, story.articleId(), now);
        if (story.state() == StoryState.SCHEDULED
            || item.embargo() != null && item.embargo().isAfter(now)) {
          goLive(tx, story, item, story.articleId(), false, now);
        }
      }
      case WITHHELD -> {
        if (story.articleId() != null) {
          rebuild(tx, story.articleId(), now);
          goLive(tx, story, item, story.articleId(), false, now);
        } else {
          store.setState(
              tx,
              story.id(),
              StoryState.NEW,
              "Released by the agency after being withheld",
              null,
              now);
        }
      }
      case KILLED ->
        store.setState(
            tx,
            story.id(),
            StoryState.NEW,
            "The agency sent a usable version after killing this story; check before publishing",
            story.articleId(),
            now);
      case DRAFT ->
        store.setState(
            tx,
            story.id(),
            StoryState.DRAFT,
            "The agency sent version " + item.version() + " while this was being edited",
            story.articleId(),
            now);
      default -> {} // NEW and IGNORED keep their state; the inbox shows the latest version
    }
  }

  private void takeDown(Tx tx, Story story, WireItem item, Instant now) {
    var killed = item.pubStatus() == PubStatus.CANCELED;
    var flag = (killed ? "Killed" : "Withheld") + " by the agency at " + item.versionCreated();
    if (story.articleId() != null) {
      var status = articles.statusOf(tx, story.articleId()).orElse(ArticleStatus.DRAFT);
      if (status == ArticleStatus.PUBLISHED || status == ArticleStatus.SCHEDULED)
        articles.unpublish(tx, story.articleId());
    }
    store.setState(
        tx,
        story.id(),
        killed ? StoryState.KILLED : StoryState.WITHHELD,
        flag,
        story.articleId(),
        now);
    log.info(
        "event=wire_taken_down source={} guid=\"{}\" status={} article={}",
        item.source(),
        item.guid(),
        item.pubStatus().dbValue(),
        story.articleId());
  }

  /** Re-composes an article from the story (or package) that owns it, keeping slug and section. */
  void rebuild(Tx tx, long articleId, Instant now) {
    var owners = store.byArticle(tx, articleId);
    if (owners.isEmpty()) return;
    var owner =
        owners.stream().filter(s -> s.kind() == ItemKind.PACKAGE).findFirst().orElse(owners.get(0));
    var stored = store.item(tx, owner.itemId());
    var current = articles.byId(tx, articleId).orElseThrow();
    var placement = new StoryComposer.Placement(
        current.section() == null ? null : current.section().id(), "");
    var draft = composer.compose(
        tx, source(owner.source()), stored.item(), stored.imageIds(), placement, current.slug());
    var version = articles.versionOf(tx, articleId).orElseThrow();
    articles.update(tx, articleId, version, draft);
  }

  /** A package and its main text share one article: whichever arrives second joins the first's. */
  private Long sharedArticle(Tx tx, Story story, WireItem item) {
    if (item.kind() == ItemKind.PACKAGE) {
      for (var m : item.members()) {
        if (!m.isMain() || m.kind() != ItemKind.TEXT) continue;
        var text = store.story(tx, item.source(), m.guid());
        if (text.isPresent() && text.get().articleId() != null)
          return text.get().articleId();
      }
      return null;
    }
    var pkg = store.packageOf(tx, item.source(), item.guid());
    return pkg.map(Story::articleId).orElse(null);
  }

  StoryComposer.Placement placement(WireSource source, Rule rule, Options options) {
    String slug = !options.sectionSlug().isBlank()
        ? options.sectionSlug()
        : rule != null && !rule.section().isBlank() ? rule.section() : source.section();
    Long sectionId = null;
    if (!slug.isBlank()) {
      var section = sections
          .bySlug(slug)
          .or(() -> sections.all().stream()
              .filter(s -> s.name().equalsIgnoreCase(slug))
              .findFirst());
      if (section.isEmpty()) throw new InvalidInput("section", "\"" + slug + "\" does not exist");
      sectionId = section.get().id();
    }
    return new StoryComposer.Placement(sectionId, rule == null ? "" : rule.topic());
  }

  WireSource source(String name) {
    return sources.orDefault(name, java.nio.file.Path.of("."), java.time.ZoneId.of("UTC"));
  }

  /** The public path of an article the desk made, for links from the inbox. */
  public java.util.Optional<String> articlePath(long articleId) {
    return articles.byId(articleId).map(a -> a.path());
  }

  Database db() {
    return db;
  }

  Clock clock() {
    return clock;
  }

  StoryComposer composer() {
    return composer;
  }

  ChangeFeed feed() {
    return feed;
  }

  WireStore store() {
    return store;
  }

  ArticleStore articles() {
    return articles;
  }
}
