package dev.byline.wire;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches every source's drop folder. A file is taken once it has stopped changing between two
 * scans; its items are committed, and only then is the file moved to {@code archive/DATE/}, so a
 * crash in between means it is read again and its versions are ignored as already there.
 * Unreadable files move to {@code quarantine/} with a note. Picture files wait beside the folder
 * until an item names them; one that nothing names within {@link #ORPHAN_AFTER} is quarantined.
 */
public final class DropFolders implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DropFolders.class);
  /** Long enough for an agency to send a picture's item after the picture. */
  static final Duration ORPHAN_AFTER = Duration.ofMinutes(30);

  private final WireIngest ingest;
  private final List<WireSource> sources;
  private final long scanMillis;
  private final Map<Path, String> lastSeen = new HashMap<>();
  private Thread thread;
  private volatile boolean running;

  public DropFolders(WireIngest ingest, List<WireSource> sources, long scanMillis) {
    this.ingest = ingest;
    this.sources = List.copyOf(sources);
    this.scanMillis = scanMillis;
  }

  public DropFolders start() {
    if (sources.isEmpty()) return this;
    for (var s : sources) {
      try {
        Files.createDirectories(s.folder().resolve("archive"));
        Files.createDirectories(s.folder().resolve("quarantine"));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(
            "cannot create the drop folder " + s.folder() + ": " + e.getMessage(), e);
      }
    }
    running = true;
    thread = new Thread(this::loop, "wire-drop-folders");
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  private void loop() {
    while (running) {
      for (var s : sources) {
        try {
          scan(s);
        } catch (Throwable e) {
          // Whatever one scan meets, the thread that serves every source's folder goes on.
          log.error("event=wire_drop_scan_failed source={} error={}", s.name(), e.getClass(), e);
        }
      }
      try {
        Thread.sleep(scanMillis);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** One pass over a source's folder: everything that is ready goes in as one batch. */
  void scan(WireSource source) throws IOException {
    var folder = source.folder();
    if (!Files.isDirectory(folder)) return;
    List<Path> files;
    try (var list = Files.list(folder)) {
      files = list.filter(Files::isRegularFile)
          .filter(DropFolders::candidate)
          .sorted()
          .toList();
    }
    var quarantine = new Quarantine(folder.resolve("quarantine"));
    var now = ingest.clock().instant();
    var reads = new ArrayList<ReadFile>();
    for (var f : files) {
      try {
        var read = take(source, f, quarantine, now);
        if (read != null) reads.add(read);
      } catch (IOException | RuntimeException e) {
        // This file could not be taken now; it is tried again at the next scan, the others go on.
        log.warn(
            "event=wire_drop_file_failed source={} file=\"{}\" error=\"{}\"",
            source.name(),
            f.getFileName(),
            e.toString());
      }
    }
    if (reads.isEmpty()) return;
    var batch = new ArrayList<WireDesk.Incoming>();
    reads.forEach(r -> batch.addAll(r.read().items()));
    var outcomes = ingest.ingest(batch, WireDesk.Options.NONE);
    int i = 0;
    var archive = folder
        .resolve("archive")
        .resolve(LocalDate.ofInstant(now, ZoneOffset.UTC).toString());
    Files.createDirectories(archive);
    for (var r : reads) {
      String failure = null;
      for (int k = 0; k < r.read().items().size(); k++, i++) {
        if (outcomes.get(i).result() == WireDesk.Result.FAILED)
          failure = outcomes.get(i).reason();
      }
      if (failure != null) {
        quarantine.move(r.file(), "", failure, now);
        continue;
      }
      moveTo(r.file(), archive);
      for (var used : r.beside().used()) {
        var p = folder.resolve(used);
        if (Files.exists(p)) moveTo(p, archive);
      }
      lastSeen.remove(r.file());
    }
    log.info(
        "event=wire_drop_ingested source={} files={} items={}",
        source.name(),
        reads.size(),
        batch.size());
  }

  private record ReadFile(Path file, WireIngest.Read read, PictureResolver.Beside beside) {}

  /** Reads one settled file; null when it is not ready, is a picture, or was quarantined. */
  private ReadFile take(WireSource source, Path f, Quarantine quarantine, java.time.Instant now)
      throws IOException {
    if (!settled(f)) return null;
    var folder = source.folder();
    var bytes = Files.size(f) > ingest.sources().maxFileBytes() ? null : Files.readAllBytes(f);
    if (bytes == null) {
      quarantine.move(
          f,
          "",
          "is larger than the limit of " + (ingest.sources().maxFileBytes() >> 20) + " MB",
          now);
      return null;
    }
    if (WireFormats.isPicture(bytes)) {
      var age = Duration.between(Files.getLastModifiedTime(f).toInstant(), now);
      if (age.compareTo(ORPHAN_AFTER) > 0)
        quarantine.move(
            f,
            "",
            "is a picture no item named within " + ORPHAN_AFTER.toMinutes() + " minutes",
            now);
      return null;
    }
    var beside = PictureResolver.Beside.folder(folder);
    var read = ingest.read(source, f.getFileName().toString(), bytes, beside);
    if (read.failed()) {
      quarantine.move(f, read.failure().where(), read.failure().reason(), now);
      log.warn(
          "event=wire_quarantined source={} file=\"{}\" reason=\"{}\"",
          source.name(),
          f.getFileName(),
          read.failure().getMessage());
      return null;
    }
    return new ReadFile(f, read, beside);
  }

  /** Ready when its size and modification time are the same as at the last scan. */
  private boolean settled(Path f) throws IOException {
    FileTime modified = Files.getLastModifiedTime(f);
    var signature = Files.size(f) + "@" + modified.toMillis();
    var previous = lastSeen.put(f, signature);
    return signature.equals(previous);
  }

  private static void moveTo(Path file, Path dir) throws IOException {
    var target = dir.resolve(file.getFileName());
    for (int n = 2; Files.exists(target); n++) target = dir.resolve(file.getFileName() + "." + n);
    Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
  }

  private static boolean candidate(Path p) {
    var n = p.getFileName().toString();
    var lower = n.toLowerCase(Locale.ROOT);
    return !n.startsWith(".")
        && !lower.endsWith(".tmp")
        && !lower.endsWith(".part")
        && !lower.endsWith(".error.txt");
  }

  @Override
  public void close() {
    running = false;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
