package dev.byline.wire;

import dev.byline.config.Config;
import dev.byline.content.ArticleStore;
import dev.byline.content.AuthorStore;
import dev.byline.content.SectionStore;
import dev.byline.content.TopicStore;
import dev.byline.media.ImageStore;
import dev.byline.search.StoryKeys;
import dev.byline.store.ChangeFeed;
import dev.byline.store.Database;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The wire desk's parts, built once over the newsroom's stores. The server adds drop folders,
 * feed polling and the push endpoint on top; {@code byline import} uses the importer alone.
 */
public record Wire(
    WireSources sources,
    WireStore store,
    WireDesk desk,
    WireIngest ingest,
    WireImport importer,
    WireInbox inbox,
    Path quarantineRoot) {

  public static Wire build(
      Config config,
      Database db,
      ChangeFeed feed,
      ArticleStore articles,
      SectionStore sections,
      TopicStore topics,
      AuthorStore authors,
      ImageStore images,
      Clock clock) {
    var sources = WireSources.from(config);
    var store = new WireStore(db);
    var composer = new StoryComposer(store, topics, authors);
    var desk = new WireDesk(db, feed, store, articles, sections, composer, sources, clock);
    var ingest =
        new WireIngest(desk, new PictureResolver(images, new PictureFetcher()), sources, clock);
    var quarantine = config.dataDir().resolve("wire").resolve("quarantine");
    return new Wire(
        sources,
        store,
        desk,
        ingest,
        new WireImport(ingest, quarantine),
        new WireInbox(desk),
        quarantine);
  }

  /** Which wire story each article was made from, for related reading. */
  public StoryKeys storyKeys() {
    return new WireStoryKeys(store);
  }

  /**
   * {@link #storyKeys()} without building the wire desk: for the search index, which needs only
   * this (the desk's picture fetcher alone costs an HTTP client at start-up).
   */
  public static StoryKeys storyKeys(Database db) {
    return new WireStoryKeys(new WireStore(db));
  }

  /** The source by name, configured or with defaults (imports may name any source). */
  public WireSource source(String name, Config config) {
    return sources.orDefault(name, config.dataDir(), config.timeZone());
  }
}
