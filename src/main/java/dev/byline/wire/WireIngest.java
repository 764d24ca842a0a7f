package dev.byline.wire;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path every delivery takes, whatever brought it (drop folder, feed, push, import):
 * read the bytes into items, fetch their pictures, then hand them to the desk.
 */
public final class WireIngest {
  private static final Logger log = LoggerFactory.getLogger(WireIngest.class);
  private final WireDesk desk;
  private final PictureResolver pictures;
  private final WireSources sources;
  private final Clock clock;

  public WireIngest(WireDesk desk, PictureResolver pictures, WireSources sources, Clock clock) {
    this.desk = desk;
    this.pictures = pictures;
    this.sources = sources;
    this.clock = clock;
  }

  /** A delivery read: its items ready for the desk, or why it cannot be read. */
  public record Read(String fileName, List<WireDesk.Incoming> items, WireFormatException failure) {
    public boolean failed() {
      return failure != null;
    }
  }

  /** Reads one delivery for a source. Never throws for bad input: the failure is in the result. */
  public Read read(
      WireSource source, String fileName, byte[] bytes, PictureResolver.Beside beside) {
    try {
      var ctx = new ReadContext(source.name(), fileName, clock.instant(), source.zone());
      var items = WireFormats.read(bytes, ctx, sources.maxFileBytes());
      var incoming = new ArrayList<WireDesk.Incoming>(items.size());
      for (var item : items)
        incoming.add(new WireDesk.Incoming(item, fileName, pictures.resolve(source, item, beside)));
      return new Read(fileName, incoming, null);
    } catch (WireFormatException e) {
      return new Read(fileName, List.of(), e);
    } catch (Throwable e) {
      // One delivery, whatever it does to a reader (a stack overflow included), must not stop the
      // desk.
      log.error(
          "event=wire_read_crashed source={} file=\"{}\" error={}",
          source.name(),
          fileName,
          e.getClass().getName(),
          e);
      return new Read(fileName, List.of(), unreadable(e));
    }
  }

  /**
   * The reason kept in the quarantine note when a reader failed unexpectedly. It names the kind
   * of failure, never the exception's message, which may quote the file.
   */
  public static WireFormatException unreadable(Throwable e) {
    var what = e instanceof StackOverflowError
        ? "is built in a way that exhausted the reader's stack"
        : e instanceof OutOfMemoryError
            ? "needed more memory to read than the server has"
            : "could not be read: the reader failed (" + e.getClass().getSimpleName()
                + "); the server log has the details";
    return new WireFormatException("", what);
  }

  public List<WireDesk.Outcome> ingest(List<WireDesk.Incoming> items, WireDesk.Options options) {
    if (items.isEmpty()) return List.of();
    return desk.ingest(items, options);
  }

  public WireSources sources() {
    return sources;
  }

  public WireDesk desk() {
    return desk;
  }

  public Clock clock() {
    return clock;
  }
}
