package dev.byline.wire;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One source's drop folder, scanned by {@link DropFolders}. A file is taken once it has stopped
 * changing between two scans; its items are committed, and only then is it moved to {@code
 * archive/DATE/}. A file that cannot be read is quarantined at once. A file whose items could not
 * be stored for a reason that may pass (the database, the disk) waits and is tried again, each
 * wait twice the last, and after {@link #MAX_ATTEMPTS} it is quarantined: it never holds up the
 * files behind it and is never retried forever.
 */
final class DropFolder implements DropFolders.Folder {
  private static final Logger log = LoggerFactory.getLogger(DropFolder.class);
  /** The folder's own sub-folders, never refused. */
  private static final Set<String> OWN_FOLDERS = Set.of("archive", "quarantine");
  /** Long enough for an agency to send a picture's item after the picture. */
  static final Duration ORPHAN_AFTER = Duration.ofMinutes(30);
  /** Tries before a file that keeps failing is quarantined: about 15 s of waits at the defaults. */
  static final int MAX_ATTEMPTS = 5;
  /** The longest wait between two tries of one file. */
  static final Duration MAX_WAIT = Duration.ofMinutes(5);

  private final WireSource source;
  private final WireIngest ingest;
  private final Duration firstWait;
  private final Quarantine quarantine;
  private final Map<Path, String> lastSeen = new HashMap<>();
  private final Map<Path, Retry> retries = new HashMap<>();

  /** A file that failed: how often, and the monotonic time ({@link System#nanoTime}) of its next try. */
  private record Retry(int attempts, long notBeforeNanos) {}

  private record ReadFile(Path file, WireIngest.Read read, PictureResolver.Beside beside) {}

  /** @param scanMillis how often the folder is scanned; the first wait after a failure is four scans */
  DropFolder(WireSource source, WireIngest ingest, long scanMillis) {
    this.source = source;
    this.ingest = ingest;
    this.firstWait = Duration.ofMillis(Math.max(1, scanMillis) * 4);
    this.quarantine = new Quarantine(source.folder().resolve("quarantine"));
  }

  WireSource source() {
    return source;
  }

  @Override
  public String name() {
    return source.name();
  }

  @Override
  public Path path() {
    return source.folder();
  }

  /** One pass: everything that is ready goes in as one batch. */
  @Override
  public void scan() throws IOException {
    var folder = source.folder();
    if (!Files.isDirectory(folder)) return;
    var files = candidates();
    lastSeen.keySet().retainAll(files);
    retries.keySet().retainAll(files);
    var now = ingest.clock().instant();
    var reads = new ArrayList<ReadFile>();
    for (var f : files) {
      if (waiting(f)) continue;
      try {
        var read = take(f, now);
        if (read != null) reads.add(read);
      } catch (IOException | RuntimeException e) {
        failed(f, "could not be read from the folder (" + e.getClass().getSimpleName() + ")", now);
      }
    }
    if (!reads.isEmpty()) store(reads, now);
  }

  /** Regular files to read; links and anything else that is not a regular file are refused. */
  private List<Path> candidates() throws IOException {
    List<Path> entries;
    try (var list = Files.list(source.folder())) {
      entries = list.filter(DropFolder::candidate).sorted().toList();
    }
    var files = new ArrayList<Path>(entries.size());
    for (var p : entries) {
      var attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (attrs.isRegularFile()) files.add(p);
      else if (!attrs.isDirectory() || !OWN_FOLDERS.contains(p.getFileName().toString()))
        refuse(p, attrs);
    }
    return files;
  }

  /**
   * Moves what is not a regular file out of the way. A link is moved as a link, never followed:
   * it could point at any file the server may read, which would then be published or quoted.
   */
  private void refuse(Path p, BasicFileAttributes attrs) {
    var reason = attrs.isSymbolicLink()
        ? "is a symbolic link; drop folders take regular files only, so a link is never followed"
        : attrs.isDirectory()
            ? "is a folder; drop folders take regular files only (put files in the folder itself)"
            : "is not a regular file (a pipe, socket or device); drop folders take regular files only";
    try {
      quarantine.move(p, "", reason, ingest.clock().instant());
      log.warn(
          "event=wire_refused source={} file=\"{}\" reason=\"{}\"",
          source.name(),
          p.getFileName(),
          reason);
    } catch (RuntimeException e) {
      log.error("event=wire_drop_not_quarantined source={} file=\"{}\"", source.name(), p, e);
    }
  }

  /** Reads one settled file; null when it is not ready, is a picture, or was quarantined. */
  private ReadFile take(Path f, Instant now) throws IOException {
    if (!settled(f)) return null;
    long max = ingest.sources().maxFileBytes();
    if (Files.size(f) > max) {
      quarantine.move(f, "", "is larger than the limit of " + (max >> 20) + " MB", now);
      return null;
    }
    var bytes = readRegular(f, max);
    if (bytes.length > max) {
      quarantine.move(f, "", "is larger than the limit of " + (max >> 20) + " MB", now);
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
    var beside = PictureResolver.Beside.folder(source.folder());
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

  /**
   * The file's bytes, opened without following a link (so a file swapped for a link after it was
   * listed is not read either) and read no further than the limit.
   */
  private static byte[] readRegular(Path f, long max) throws IOException {
    try (var in = Channels.newInputStream(Files.newByteChannel(
        f, Set.<OpenOption>of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)))) {
      return in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
    }
  }

  /** Stores the batch, then moves each file by what became of its items. */
  private void store(List<ReadFile> reads, Instant now) throws IOException {
    var batch = new ArrayList<WireDesk.Incoming>();
    reads.forEach(r -> batch.addAll(r.read().items()));
    List<WireDesk.Outcome> outcomes;
    try {
      outcomes = ingest.ingest(batch, WireDesk.Options.NONE);
    } catch (RuntimeException e) {
      log.error("event=wire_drop_store_failed source={}", source.name(), e);
      for (var r : reads)
        failed(r.file(), "could not be stored (" + e.getClass().getSimpleName() + ")", now);
      return;
    }
    var archive = source
        .folder()
        .resolve("archive")
        .resolve(LocalDate.ofInstant(now, ZoneOffset.UTC).toString());
    Files.createDirectories(archive);
    int i = 0;
    for (var r : reads) {
      var mine = outcomes.subList(i, i + r.read().items().size());
      i += mine.size();
      settle(r, mine, archive, now);
    }
    log.info(
        "event=wire_drop_ingested source={} files={} items={}",
        source.name(),
        reads.size(),
        batch.size());
  }

  private void settle(ReadFile r, List<WireDesk.Outcome> outcomes, Path archive, Instant now)
      throws IOException {
    var failures =
        outcomes.stream().filter(o -> o.result() == WireDesk.Result.FAILED).toList();
    if (failures.isEmpty()) {
      moveTo(r.file(), archive);
      for (var used : r.beside().used()) {
        var p = source.folder().resolve(used);
        if (Files.exists(p)) moveTo(p, archive);
      }
      forget(r.file());
    } else if (failures.stream().anyMatch(WireDesk.Outcome::mayPass)) {
      failed(r.file(), failures.get(0).reason(), now);
    } else {
      quarantine.move(
          r.file(), "item " + failures.get(0).incoming().item().guid(), reasons(failures), now);
      forget(r.file());
    }
  }

  private static String reasons(List<WireDesk.Outcome> failures) {
    var out = new StringBuilder();
    for (var o : failures) {
      if (out.length() > 0) out.append("; ");
      out.append(o.incoming().item().guid()).append(": ").append(o.reason());
    }
    return out.toString();
  }

  /** Counts a failed try; waits before the next, and quarantines the file after the last. */
  private void failed(Path f, String reason, Instant now) {
    int attempts = retries.containsKey(f) ? retries.get(f).attempts() + 1 : 1;
    log.warn(
        "event=wire_drop_file_failed source={} file=\"{}\" attempt={} reason=\"{}\"",
        source.name(),
        f.getFileName(),
        attempts,
        reason);
    if (attempts < MAX_ATTEMPTS) {
      var wait = firstWait.multipliedBy(1L << (attempts - 1));
      if (wait.compareTo(MAX_WAIT) > 0) wait = MAX_WAIT;
      retries.put(f, new Retry(attempts, System.nanoTime() + wait.toNanos()));
      return;
    }
    try {
      quarantine.move(
          f,
          "",
          reason + " (tried " + attempts
              + " times; move the file back into the folder to try again)",
          now);
    } catch (RuntimeException e) {
      log.error("event=wire_drop_not_quarantined source={} file=\"{}\"", source.name(), f, e);
    }
    forget(f);
  }

  private boolean waiting(Path f) {
    var r = retries.get(f);
    return r != null && System.nanoTime() - r.notBeforeNanos() < 0;
  }

  private void forget(Path f) {
    lastSeen.remove(f);
    retries.remove(f);
  }

  /** Ready when its size and modification time are the same as at the last scan. */
  private boolean settled(Path f) throws IOException {
    var signature = Files.size(f) + "@" + Files.getLastModifiedTime(f).toMillis();
    var previous = lastSeen.put(f, signature);
    return signature.equals(previous);
  }

  private static void moveTo(Path file, Path dir) throws IOException {
    var target = dir.resolve(file.getFileName());
    for (int n = 2; Files.exists(target, LinkOption.NOFOLLOW_LINKS); n++)
      target = dir.resolve(file.getFileName() + "." + n);
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
}
