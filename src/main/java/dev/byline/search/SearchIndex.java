package dev.byline.search;

import dev.byline.content.PublishedArticles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search index under {@code DATA/index}: published articles only, derived from the database
 * and kept current by following the change feed. Opening it decides whether it can be trusted;
 * if it is missing, was written under another schema version, or was left dirty by a process
 * that did not stop cleanly, it is rebuilt from the database in the background while the site
 * serves.
 *
 * <pre>{@code
 * var index = SearchIndex.open(dataDir.resolve("index"), articles, feed, StoryKeys.NONE, clock);
 * index.start();                       // rebuild if needed, then follow the change feed
 * var results = index.search(SearchQuery.of("harbour strike"));
 * index.close();                       // commits and clears the dirty marker
 * }</pre>
 */
public final class SearchIndex implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
  /** Present while a process has the index open; left behind by a crash. */
  static final String DIRTY_MARKER = "byline.dirty";

  static final String SCHEMA_KEY = "byline.schema";
  static final String FEED_KEY = "byline.feed";

  private final Path dir;
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Analyzer analyzer;
  private final Analyzer completionAnalyzer = IndexSchema.completionQueryAnalyzer();
  private final IndexUpdater updater;
  private final DocFreqs docFreqs;
  private final String rebuildReason;
  private volatile boolean closed;

  private SearchIndex(
      Path dir,
      Directory directory,
      IndexWriter writer,
      Analyzer analyzer,
      String rebuildReason,
      long committedFeed,
      PublishedArticles articles,
      dev.byline.store.ChangeFeed feed,
      StoryKeys storyKeys,
      Clock clock)
      throws IOException {
    this.dir = dir;
    this.directory = directory;
    this.writer = writer;
    this.analyzer = analyzer;
    this.rebuildReason = rebuildReason;
    this.searchers = new SearcherManager(writer, null);
    this.docFreqs = new DocFreqs();
    this.updater =
        new IndexUpdater(this, articles, feed, storyKeys, clock, rebuildReason, committedFeed);
  }

  /**
   * Opens (or creates) the index. Does not read the database yet: {@link #start()} does.
   *
   * @throws IndexInUse when another process holds the index open
   */
  public static SearchIndex open(
      Path dir,
      PublishedArticles articles,
      dev.byline.store.ChangeFeed feed,
      StoryKeys storyKeys,
      Clock clock) {
    try {
      Files.createDirectories(dir);
      var directory = FSDirectory.open(dir);
      String reason = null;
      long committedFeed = 0;
      try {
        if (!DirectoryReader.indexExists(directory)) {
          reason = "missing";
        } else if (Files.exists(dir.resolve(DIRTY_MARKER))) {
          reason = "dirty";
        } else {
          Map<String, String> data = DirectoryReader.listCommits(directory)
              .get(DirectoryReader.listCommits(directory).size() - 1)
              .getUserData();
          if (!Integer.toString(IndexSchema.VERSION).equals(data.get(SCHEMA_KEY))) {
            reason = "schema " + data.getOrDefault(SCHEMA_KEY, "unknown") + " is not "
                + IndexSchema.VERSION;
          } else {
            committedFeed = Long.parseLong(data.getOrDefault(FEED_KEY, "0"));
          }
        }
      } catch (IOException | RuntimeException e) {
        reason = "unreadable (" + e.getClass().getSimpleName() + ")";
      }
      if (reason != null && reason.startsWith("unreadable")) {
        // A damaged commit can stop even a fresh writer from opening; it is derived data, so clear
        // it.
        for (var file : directory.listAll()) {
          if (!file.equals(DIRTY_MARKER) && !file.equals("write.lock")) directory.deleteFile(file);
        }
      }
      var analyzer = IndexSchema.analyzer();
      var config = new IndexWriterConfig(analyzer)
          .setOpenMode(
              reason == null
                  ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND
                  : IndexWriterConfig.OpenMode.CREATE)
          .setRAMBufferSizeMB(64)
          .setCommitOnClose(false);
      IndexWriter writer;
      try {
        writer = new IndexWriter(directory, config);
      } catch (LockObtainFailedException e) {
        directory.close();
        throw new IndexInUse(dir);
      }
      Files.writeString(dir.resolve(DIRTY_MARKER), "open since " + clock.instant() + "\n");
      if (reason != null)
        log.info("event=search_index_rebuild_needed path={} reason=\"{}\"", dir, reason);
      return new SearchIndex(
          dir,
          directory,
          writer,
          analyzer,
          reason,
          committedFeed,
          articles,
          feed,
          storyKeys,
          clock);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot open the search index at " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Rebuilds now if the index needs it, then follows the change feed on a background thread. */
  public SearchIndex start() {
    updater.start();
    return this;
  }

  /** Drops the index and re-reads every published article, on the calling thread; returns the count. */
  public int rebuildNow() {
    return updater.rebuildNow();
  }

  /** Why the index was rebuilt when it opened ("missing", "dirty", ...), or null when it was trusted. */
  public String rebuildReason() {
    return rebuildReason;
  }

  /** True once the index holds every published article (after any rebuild). */
  public boolean isReady() {
    return updater.isReady();
  }

  /** False once {@link #close()} has begun: searches would fail, so the node is not ready. */
  public boolean isOpen() {
    return !closed;
  }

  /** The change-feed sequence the index has applied. */
  public long position() {
    return updater.position();
  }

  /** Blocks until the index has applied the feed up to {@code seq}; false on timeout. */
  public boolean awaitPosition(long seq, long timeoutMillis) throws InterruptedException {
    return updater.awaitPosition(seq, timeoutMillis);
  }

  /** Called on the indexing thread with the ids of articles just published and now searchable. */
  public void onPublished(java.util.function.Consumer<List<Long>> listener) {
    updater.onPublished(listener);
  }

  /**
   * Called on the indexing thread each time searchers see new content: the moment to drop
   * anything cached from earlier searches.
   */
  public void onRefreshed(Runnable listener) {
    updater.onRefreshed(listener);
  }

  /** How many articles the index holds as searchers see it now. */
  public int size() {
    return withSearcher(s -> s.getIndexReader().numDocs());
  }

  public SearchResults search(SearchQuery query) {
    return withSearcher(s -> new ArticleSearch(s, analyzer).run(query));
  }

  /** Headlines completing what a reader has typed so far, newest relevant first. */
  public List<Completion> complete(String typed, int limit) {
    return withSearcher(s -> new Autocomplete(s, completionAnalyzer).complete(typed, limit));
  }

  /** Published articles whose text is most like this one, best first, with what policy needs to rank them. */
  public List<SimilarArticle> similar(SimilarityRequest request) {
    return withSearcher(s -> new SimilarArticles(s, analyzer, docFreqs).find(request));
  }

  /** Lucene's plain MoreLikeThis over headline, standfirst and body: a baseline for quality reports. */
  List<Long> plainMoreLikeThis(long articleId, int limit) {
    return withSearcher(
        s -> new SimilarArticles(s, analyzer, docFreqs).plainMoreLikeThis(articleId, limit));
  }

  Path dir() {
    return dir;
  }

  IndexWriter writer() {
    return writer;
  }

  SearcherManager searchers() {
    return searchers;
  }

  Analyzer analyzer() {
    return analyzer;
  }

  DocFreqs docFreqs() {
    return docFreqs;
  }

  <T> T withSearcher(Function<IndexSearcher, T> work) {
    if (closed) throw new IllegalStateException("the search index is closed");
    try {
      var searcher = searchers.acquire();
      try {
        return work.apply(searcher);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops following, commits, and clears the dirty marker when the index is complete. */
  @Override
  public void close() {
    if (closed) return;
    closed = true;
    updater.close();
    try {
      boolean complete = updater.isReady();
      if (complete) updater.commit();
      searchers.close();
      writer.close();
      directory.close();
      analyzer.close();
      completionAnalyzer.close();
      if (complete) Files.deleteIfExists(dir.resolve(DIRTY_MARKER));
      log.info(
          "event=search_index_closed path={} complete={} position={}",
          dir,
          complete,
          updater.position());
    } catch (IOException e) {
      log.warn("event=search_index_close_failed path={} error=\"{}\"", dir, e.toString());
    }
  }

  /** Another process (usually a running server) holds the index open. */
  public static final class IndexInUse extends RuntimeException {
    IndexInUse(Path dir) {
      super(
          "the search index at " + dir
              + " is in use by another process (a running server?); stop it first",
          null,
          false,
          false);
    }
  }
}
