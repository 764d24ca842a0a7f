package dev.byline.wire;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The one path every delivery takes, whatever brought it (drop folder, feed, push, import):
 * read the bytes into items, fetch their pictures, then hand them to the desk.
 */
public final class WireIngest {
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
    } catch (RuntimeException e) {
      // A reader bug must not stop the desk; the file is quarantined with what went wrong.
      return new Read(
          fileName, List.of(), new WireFormatException("", "could not be read (" + e + ")"));
    }
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
