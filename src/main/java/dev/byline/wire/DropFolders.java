package dev.byline.wire;

import dev.byline.store.Backoff;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches every source's drop folder on one thread. Each folder is a {@link DropFolder}: its
 * items are committed before its files move to {@code archive/DATE/}, so a crash in between
 * means a file is read again and its versions are ignored as already there. Nothing one file or
 * one folder does ends the thread: a file that keeps failing is quarantined by its folder, and a
 * folder whose scan fails is logged with the stack trace and left alone for a wait that doubles
 * with each failure in a row, up to {@link #MAX_WAIT}, while the other folders are scanned as
 * usual.
 */
public final class DropFolders implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DropFolders.class);
  /** The longest a folder that keeps failing is left alone: as long as a file's longest wait. */
  static final Duration MAX_WAIT = DropFolder.MAX_WAIT;

  /** One folder the thread scans: a source's drop folder. */
  interface Folder {
    String name();

    Path path();

    /** One pass over the folder; a file's own failures are handled inside, not thrown. */
    void scan() throws Exception;
  }

  private final List<? extends Folder> folders;
  private final long scanMillis;
  private final Backoff backoff;
  private final Map<Folder, Retry> retries = new HashMap<>();
  private Thread thread;
  private volatile boolean running;

  /** A folder that failed: how often in a row, and the monotonic time of its next scan. */
  private record Retry(int failures, long notBeforeNanos) {}

  public DropFolders(WireIngest ingest, List<WireSource> sources, long scanMillis) {
    this(sources.stream().map(s -> new DropFolder(s, ingest, scanMillis)).toList(), scanMillis);
  }

  DropFolders(List<? extends Folder> folders, long scanMillis) {
    this.folders = folders;
    this.scanMillis = scanMillis;
    // A folder that fails (a disk, a mount, permissions) is scanned again after two scans, then
    // after each wait twice as long: its errors do not flood the log, and the others go on.
    this.backoff = new Backoff(Duration.ofMillis(Math.max(1, scanMillis) * 2), MAX_WAIT);
  }

  public DropFolders start() {
    if (folders.isEmpty()) return this;
    for (var f : folders) {
      var dir = f.path();
      try {
        Files.createDirectories(dir.resolve("archive"));
        Files.createDirectories(dir.resolve("quarantine"));
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot create the drop folder " + dir + ": " + e.getMessage(), e);
      }
    }
    running = true;
    thread = new Thread(this::loop, "wire-drop-folders");
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  /** True while the scanning thread runs: for health checks and the soak test. */
  public boolean alive() {
    return thread != null && thread.isAlive();
  }

  private void loop() {
    while (running) {
      for (var f : folders) scan(f);
      try {
        Thread.sleep(scanMillis);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void scan(Folder f) {
    var retry = retries.get(f);
    if (retry != null && System.nanoTime() - retry.notBeforeNanos() < 0) return;
    try {
      f.scan();
      retries.remove(f);
    } catch (Throwable e) {
      // Whatever one scan meets, the thread that serves every source's folder goes on.
      int failures = retry == null ? 1 : retry.failures() + 1;
      var wait = backoff.after(failures);
      retries.put(f, new Retry(failures, System.nanoTime() + wait.toNanos()));
      log.error(
          "event=wire_drop_scan_failed source={} failures={} next_in_ms={} error=\"{}\"",
          f.name(),
          failures,
          wait.toMillis(),
          e.toString(),
          e);
    }
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
