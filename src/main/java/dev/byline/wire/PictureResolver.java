package dev.byline.wire;

import dev.byline.media.ImageStore;
import dev.byline.media.MediaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an item's pictures into stored images before the item is ingested: for each picture,
 * the largest rendition that can be had, from a file delivered beside the item (named by its
 * residref or its href's file name) or fetched from an allowed host. A picture that cannot be
 * had is logged and left out; the story still comes in.
 */
public final class PictureResolver {
  private static final Logger log = LoggerFactory.getLogger(PictureResolver.class);

  private final ImageStore images;
  private final PictureFetcher fetcher;

  public PictureResolver(ImageStore images, PictureFetcher fetcher) {
    this.images = images;
    this.fetcher = fetcher;
  }

  /** Files delivered beside an item, by name: a folder, or the entries of an archive. */
  public interface Beside {
    Optional<byte[]> read(String name);

    /** Names this item used, so a drop folder can archive them with it. */
    default Set<String> used() {
      return Set.of();
    }

    Beside NONE = name -> Optional.empty();

    static Beside folder(Path dir) {
      var used = new java.util.HashSet<String>();
      return new Beside() {
        @Override
        public Optional<byte[]> read(String name) {
          if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith("."))
            return Optional.empty();
          var f = dir.resolve(name);
          try {
            if (!Files.isRegularFile(f)) return Optional.empty();
            used.add(name);
            return Optional.of(Files.readAllBytes(f));
          } catch (IOException e) {
            return Optional.empty();
          }
        }

        @Override
        public Set<String> used() {
          return used;
        }
      };
    }
  }

  /** Stored image ids aligned with {@code item.pictures()}; null where a picture could not be had. */
  public List<Long> resolve(WireSource source, WireItem item, Beside beside) {
    var ids = new ArrayList<Long>(item.pictures().size());
    for (var p : item.pictures()) ids.add(resolve(source, item, p, beside));
    return ids;
  }

  private Long resolve(WireSource source, WireItem item, Picture p, Beside beside) {
    var candidates = p.largestFirst();
    for (var r : candidates) {
      for (var name : List.of(r.residref(), fileName(r.href()))) {
        var bytes = beside.read(name);
        if (bytes.isPresent() && WireFormats.isPicture(bytes.get()))
          return store(bytes.get(), p, item);
      }
    }
    if (source.pictureHosts().isEmpty()) return null;
    for (var r : candidates) {
      if (!r.href().startsWith("http")) continue;
      try {
        return store(fetcher.fetch(source, r.href()), p, item);
      } catch (PictureFetcher.Refused e) {
        log.warn(
            "event=wire_picture_refused source={} guid=\"{}\" reason=\"{}\"",
            source.name(),
            item.guid(),
            e.getMessage());
      } catch (MediaException e) {
        log.warn(
            "event=wire_picture_unreadable source={} guid=\"{}\" reason=\"{}\"",
            source.name(),
            item.guid(),
            e.getMessage());
      }
    }
    return null;
  }

  private Long store(byte[] bytes, Picture p, WireItem item) {
    try {
      var text = new ImageStore.ImageText(
          StoryComposer.cut(p.caption(), 1000), StoryComposer.cut(p.displayCredit(), 300), "");
      return images.store(bytes, text).id();
    } catch (MediaException e) {
      log.warn(
          "event=wire_picture_unreadable guid=\"{}\" reason=\"{}\"", item.guid(), e.getMessage());
      return null;
    }
  }

  /** "file:///./ GYI0062134533-web.jpg" → "GYI0062134533-web.jpg"; "http://x/a/b.jpg?x=1" → "b.jpg". */
  static String fileName(String href) {
    if (href == null || href.isBlank()) return "";
    var h = href.strip();
    int q = h.indexOf('?');
    if (q >= 0) h = h.substring(0, q);
    int slash = Math.max(h.lastIndexOf('/'), h.lastIndexOf(':'));
    return h.substring(slash + 1).strip();
  }
}
