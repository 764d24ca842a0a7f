package dev.byline.wire;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The scanning thread meets a folder that keeps failing, beside one that works. */
class DropFoldersTest {
  static final long SCAN_MILLIS = 5;

  @TempDir
  Path dir;

  /** A folder whose scans are counted, and fail while {@code broken} is set. */
  static final class Counted implements DropFolders.Folder {
    final String name;
    final Path path;
    final AtomicInteger scans = new AtomicInteger();
    final AtomicBoolean broken = new AtomicBoolean();

    Counted(String name, Path path) {
      this.name = name;
      this.path = path;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Path path() {
      return path;
    }

    @Override
    public void scan() throws IOException {
      scans.incrementAndGet();
      if (broken.get()) throw new IOException("the mount under " + name + " is gone");
    }
  }

  static void awaitScans(Counted folder, int n) throws InterruptedException {
    var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (folder.scans.get() < n) {
      assertThat(System.nanoTime()).as("scans of " + folder.name).isLessThan(deadline);
      Thread.sleep(2);
    }
  }

  @Test
  void a_failing_folder_backs_off_with_its_stack_trace_logged_while_the_others_are_scanned()
      throws Exception {
    var logged = new ListAppender<ILoggingEvent>();
    logged.start();
    var logger = (Logger) LoggerFactory.getLogger(DropFolders.class);
    logger.addAppender(logged);
    var healthy = new Counted("healthy", dir.resolve("healthy"));
    var failing = new Counted("failing", dir.resolve("failing"));
    failing.broken.set(true);
    try (var folders = new DropFolders(List.of(failing, healthy), SCAN_MILLIS).start()) {
      awaitScans(healthy, 300);
      int whileBroken = failing.scans.get();
      // 300 scans take 1.5 s at the least; waits doubling from two scans allow about nine tries.
      assertThat(whileBroken).isBetween(2, 20);
      var errors = List.copyOf(logged.list);
      assertThat(errors).hasSize(whileBroken).allSatisfy(e -> {
        assertThat(e.getLevel()).isEqualTo(Level.ERROR);
        assertThat(e.getFormattedMessage())
            .startsWith("event=wire_drop_scan_failed source=failing");
        assertThat(e.getThrowableProxy()).isNotNull();
      });
      assertThat(errors.get(errors.size() - 1).getFormattedMessage())
          .contains("failures=" + whileBroken);
      assertThat(folders.alive()).isTrue();
    } finally {
      logger.detachAppender(logged);
    }
  }
}
