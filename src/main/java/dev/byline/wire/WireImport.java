package dev.byline.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * {@code byline import PATH}: every wire file in a folder or a zip/tar.gz, in batches of one
 * transaction each. Crash-safe by idempotency: a batch is stored whole or not at all, and a
 * re-run finds the stored versions equal and ignores them, so nothing is lost and nothing is
 * doubled. Unreadable files are copied to quarantine with a note; the import goes on.
 */
public final class WireImport {
  private final WireIngest ingest;
  private final Path quarantineRoot;

  public WireImport(WireIngest ingest, Path quarantineRoot) {
    this.ingest = ingest;
    this.quarantineRoot = quarantineRoot;
  }

  /** The closing tally. */
  public record Summary(int imported, int updated, int ignored, int quarantined) {
    public String line() {
      return imported + " imported, " + updated + " updated, " + ignored + " ignored, "
          + quarantined + " quarantined";
    }
  }

  /** Told after each file; the CLI draws its progress bar from this. */
  public interface Progress {
    void update(int filesDone, int filesTotal, int itemsDone);

    Progress NONE = (d, t, i) -> {};
  }

  public Summary run(Path path, WireSource source, WireDesk.Options options, Progress progress)
      throws IOException {
    if (!Files.exists(path)) throw new IOException(path + " does not exist");
    if (Files.isRegularFile(path) && ArchiveExtractor.isArchive(path)) {
      var temp = Files.createTempDirectory("byline-import-");
      try {
        var skipped = ArchiveExtractor.extract(
            path,
            temp,
            new ArchiveExtractor.Limits(
                ingest.sources().maxFileBytes(), ingest.sources().maxUnpackedBytes()));
        var q = quarantine(source);
        for (var s : skipped) {
          q.copy(
              s.name() + ".skipped",
              new byte[0],
              "archive entry " + s.name(),
              s.reason(),
              ingest.clock().instant());
        }
        var inner = runFolder(temp, source, options, progress);
        return new Summary(
            inner.imported(),
            inner.updated(),
            inner.ignored(),
            inner.quarantined() + skipped.size());
      } finally {
        deleteTree(temp);
      }
    }
    if (Files.isRegularFile(path))
      return runFiles(List.of(path), path.getParent(), source, options, progress);
    return runFolder(path, source, options, progress);
  }

  private Summary runFolder(
      Path dir, WireSource source, WireDesk.Options options, Progress progress) throws IOException {
    List<Path> files;
    try (var walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile)
          .filter(WireImport::candidate)
          .sorted(Comparator.comparing(Path::toString))
          .toList();
    }
    return runFiles(files, dir, source, options, progress);
  }

  /** A file read ahead of the desk: skipped, too big, or read (possibly as a failure). */
  private record Prepared(
      Path file, String name, boolean skip, long oversize, byte[] bytes, WireIngest.Read read) {}

  /** Files are read and parsed this many ahead of the desk, on {@link #READERS} threads. */
  static final int READ_AHEAD = 64;

  static final int READERS = 2;

  private Summary runFiles(
      List<Path> files, Path root, WireSource source, WireDesk.Options options, Progress progress)
      throws IOException {
    int imported = 0, updated = 0, ignored = 0, quarantined = 0, done = 0, items = 0;
    var quarantine = quarantine(source);
    var batch = new ArrayList<WireDesk.Incoming>();
    var batchFiles = new ArrayList<Path>();
    int batchSize = ingest.sources().batchSize();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(READERS, r -> {
      var t = new Thread(r, "wire-import-reader");
      t.setDaemon(true);
      return t;
    });
    var ahead = new java.util.ArrayDeque<java.util.concurrent.Future<Prepared>>();
    int next = 0;
    try {
      while (done < files.size()) {
        while (next < files.size() && ahead.size() < READ_AHEAD) {
          var file = files.get(next++);
          ahead.add(pool.submit(() -> prepareSafely(file, root, source)));
        }
        var p = take(ahead.poll());
        done++;
        if (p.oversize() > 0) {
          quarantine.copy(
              p.name(),
              new byte[0],
              "",
              "is " + (p.oversize() >> 20) + " MB; the limit is "
                  + (ingest.sources().maxFileBytes() >> 20) + " MB (the file was not copied)",
              ingest.clock().instant());
          quarantined++;
        } else if (!p.skip()) {
          if (p.read().failed()) {
            quarantine.copy(
                p.name(),
                p.bytes(),
                p.read().failure().where(),
                p.read().failure().reason(),
                ingest.clock().instant());
            quarantined++;
          } else {
            batch.addAll(p.read().items());
            for (int i = 0; i < p.read().items().size(); i++) batchFiles.add(p.file());
          }
        }
        if (batch.size() >= batchSize) {
          var t = flush(batch, batchFiles, options, quarantine, root);
          imported += t[0];
          updated += t[1];
          ignored += t[2];
          quarantined += t[3];
          items += t[0] + t[1] + t[2] + t[3];
        }
        progress.update(done, files.size(), items + batch.size());
      }
    } finally {
      pool.shutdownNow();
    }
    var t = flush(batch, batchFiles, options, quarantine, root);
    imported += t[0];
    updated += t[1];
    ignored += t[2];
    quarantined += t[3];
    progress.update(done, files.size(), items + t[0] + t[1] + t[2] + t[3]);
    return new Summary(imported, updated, ignored, quarantined);
  }

  /** Never fails: a file that cannot be read at all is a quarantined file, and the import goes on. */
  private Prepared prepareSafely(Path file, Path root, WireSource source) {
    try {
      return prepare(file, root, source);
    } catch (IOException | RuntimeException | Error e) {
      var failure = e instanceof IOException
          ? new WireFormatException("", "cannot be read from disk: " + e.getMessage())
          : WireIngest.unreadable(e);
      return new Prepared(
          file,
          nameOf(file, root),
          false,
          0,
          new byte[0],
          new WireIngest.Read(nameOf(file, root), List.of(), failure));
    }
  }

  private static String nameOf(Path file, Path root) {
    return root == null ? file.getFileName().toString() : root.relativize(file).toString();
  }

  private Prepared prepare(Path file, Path root, WireSource source) throws IOException {
    var name = nameOf(file, root);
    long size = Files.size(file);
    if (size > ingest.sources().maxFileBytes())
      return new Prepared(file, name, false, size, null, null);
    var bytes = Files.readAllBytes(file);
    if (WireFormats.isPicture(bytes))
      return new Prepared(
          file, name, true, 0, null, null); // a rendition, read when its item refers to it
    return new Prepared(
        file,
        name,
        false,
        0,
        bytes,
        ingest.read(source, name, bytes, PictureResolver.Beside.folder(file.getParent())));
  }

  private static Prepared take(java.util.concurrent.Future<Prepared> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof IOException io) throw io;
      throw new IllegalStateException(e.getCause());
    }
  }

  private int[] flush(
      List<WireDesk.Incoming> batch,
      List<Path> batchFiles,
      WireDesk.Options options,
      Quarantine quarantine,
      Path root)
      throws IOException {
    var counts = new int[4];
    if (batch.isEmpty()) return counts;
    var outcomes = ingest.ingest(batch, options);
    var quarantinedFiles = new HashSet<Path>();
    for (int i = 0; i < outcomes.size(); i++) {
      var o = outcomes.get(i);
      switch (o.result()) {
        case IMPORTED -> counts[0]++;
        case UPDATED -> counts[1]++;
        case IGNORED -> counts[2]++;
        case FAILED -> {
          counts[3]++;
          var file = batchFiles.get(i);
          if (quarantinedFiles.add(file)) {
            quarantine.copy(
                nameOf(file, root),
                Files.readAllBytes(file),
                "item " + o.incoming().item().guid(),
                o.reason(),
                ingest.clock().instant());
          }
        }
      }
    }
    batch.clear();
    batchFiles.clear();
    return counts;
  }

  private Quarantine quarantine(WireSource source) {
    return new Quarantine(quarantineRoot.resolve(source.name()));
  }

  private static boolean candidate(Path p) {
    var n = p.getFileName().toString();
    var lower = n.toLowerCase(Locale.ROOT);
    return !n.startsWith(".")
        && !lower.endsWith(".error.txt")
        && !lower.endsWith(".tmp")
        && !lower.endsWith(".part");
  }

  private static void deleteTree(Path dir) {
    try (var walk = Files.walk(dir)) {
      for (var p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + dir + ": " + e.getMessage(), e);
    }
  }
}
