package dev.byline.wire;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Unpacks a zip or tar.gz of wire files into a folder, refusing what archives use to attack:
 * entries that climb out of the folder ("../"), absolute paths, links, and entries or totals
 * larger than the limits (zip bombs). Oversized entries are noted, not written; every byte
 * unpacked counts towards the total, those of skipped entries too, so a bomb stops at the limit
 * however it is packed.
 */
final class ArchiveExtractor {
  /** Default for {@code wire.import.max.unpacked.mb}: a large archive migration, not a full disk. */
  static final int DEFAULT_MAX_UNPACKED_MB = 4096;

  static final int MAX_ENTRIES = 5_000_000;

  /** An entry that was not unpacked, and why. */
  record Skipped(String name, String reason) {}

  private ArchiveExtractor() {}

  static boolean isArchive(Path p) {
    var n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".zip") || n.endsWith(".tar.gz") || n.endsWith(".tgz");
  }

  /** What an archive may hold: bytes per entry and unpacked in all. */
  record Limits(long entryBytes, long totalBytes) {}

  /** Counts what was unpacked, skipped entries too, and stops the whole archive at the limit. */
  private static final class Total {
    private final long max;
    private long bytes;

    Total(long max) {
      this.max = max;
    }

    void add(long n) throws IOException {
      bytes += n;
      if (bytes > max)
        throw new IOException("it unpacks to more than " + (max >> 20)
            + " MB, the limit set by wire.import.max.unpacked.mb; unpack it by hand and import "
            + "the folder, or raise the limit");
    }
  }

  static List<Skipped> extract(Path archive, Path into, Limits limits) throws IOException {
    var total = new Total(limits.totalBytes());
    long maxEntryBytes = limits.entryBytes();
    var skipped = new ArrayList<Skipped>();
    var n = archive.getFileName().toString().toLowerCase(Locale.ROOT);
    try (var raw = new BufferedInputStream(Files.newInputStream(archive))) {
      if (n.endsWith(".zip")) {
        try (var zip = new ZipInputStream(raw)) {
          int count = 0;
          for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
            if (++count > MAX_ENTRIES)
              throw new IOException("has more than " + MAX_ENTRIES + " entries");
            if (e.isDirectory()) continue;
            write(zip, e.getName(), into, maxEntryBytes, skipped, total);
          }
        }
      } else {
        try (var tar = new TarArchiveInputStream(new GZIPInputStream(raw))) {
          int count = 0;
          for (var e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
            if (++count > MAX_ENTRIES)
              throw new IOException("has more than " + MAX_ENTRIES + " entries");
            if (e.isDirectory()) continue;
            if (!e.isFile()) {
              skipped.add(new Skipped(
                  e.getName(), "is a link or device, which archives of wire files do not need"));
              continue;
            }
            write(tar, e.getName(), into, maxEntryBytes, skipped, total);
          }
        }
      }
    }
    return skipped;
  }

  private static void write(
      InputStream in, String name, Path into, long max, List<Skipped> skipped, Total total)
      throws IOException {
    var clean = name.replace('\\', '/');
    var target = into.resolve(clean).normalize();
    if (clean.startsWith("/") || !target.startsWith(into) || clean.contains("../")) {
      skipped.add(new Skipped(name, "points outside the archive's folder"));
      return;
    }
    Files.createDirectories(target.getParent());
    long written = 0;
    var buf = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(target)) {
      for (int r; (r = in.read(buf)) > 0; ) {
        total.add(r);
        written += r;
        if (written > max) break;
        out.write(buf, 0, r);
      }
    }
    if (written <= max) return;
    Files.deleteIfExists(target);
    skipped.add(new Skipped(name, "is larger than the limit of " + (max >> 20) + " MB"));
    for (int r; (r = in.read(buf)) > 0; ) total.add(r); // counted, so a bomb stops at the total
  }
}
