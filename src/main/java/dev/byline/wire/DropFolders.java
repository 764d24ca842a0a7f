package dev.byline.wire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches every source's drop folder on one thread. Each folder is a {@link DropFolder}: its
 * items are committed before its files move to {@code archive/DATE/}, so a crash in between
 * means a file is read again and its versions are ignored as already there. Nothing one file or
 * one folder does ends the thread.
 */
public final class DropFolders implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DropFolders.class);

  private final List<DropFolder> folders;
  private final long scanMillis;
  private Thread thread;
  private volatile boolean running;

  public DropFolders(WireIngest ingest, List<WireSource> sources, long scanMillis) {
    this.folders =
        sources.stream().map(s -> new DropFolder(s, ingest, scanMillis)).toList();
    this.scanMillis = scanMillis;
  }

  public DropFolders start() {
    if (folders.isEmpty()) return this;
    for (var f : folders) {
      var dir = f.source().folder();
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
      for (var f : folders) {
        try {
          f.scan();
        } catch (Throwable e) {
          // Whatever one scan meets, the thread that serves every source's folder goes on.
          log.error(
              "event=wire_drop_scan_failed source={} error={}", f.source().name(), e.getClass(), e);
        }
      }
      try {
        Thread.sleep(scanMillis);
      } catch (InterruptedException e) {
        return;
      }
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
