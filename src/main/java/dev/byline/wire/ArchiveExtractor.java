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
 * larger than the limits (zip bombs). Oversized entries are noted, not written.
 */
final class ArchiveExtractor {
  /** Far more than any agency archive; a bomb stops here. */
  static final long MAX_TOTAL_BYTES = 20L * 1024 * 1024 * 1024;

  static final int MAX_ENTRIES = 5_000_000;

  /** An entry that was not unpacked, and why. */
  record Skipped(String name, String reason) {}

  private ArchiveExtractor() {}

  static boolean isArchive(Path p) {
    var n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".zip") || n.endsWith(".tar.gz") || n.endsWith(".tgz");
  }

  static List<Skipped> extract(Path archive, Path into, long maxEntryBytes) throws IOException {
    var skipped = new ArrayList<Skipped>();
    var n = archive.getFileName().toString().toLowerCase(Locale.ROOT);
    try (var raw = new BufferedInputStream(Files.newInputStream(archive))) {
      if (n.endsWith(".zip")) {
        try (var zip = new ZipInputStream(raw)) {
          long total = 0;
          int count = 0;
          for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
            if (++count > MAX_ENTRIES)
              throw new IOException("has more than " + MAX_ENTRIES + " entries");
            if (e.isDirectory()) continue;
            total += write(zip, e.getName(), into, maxEntryBytes, skipped);
            if (total > MAX_TOTAL_BYTES)
              throw new IOException("unpacks to more than " + (MAX_TOTAL_BYTES >> 30) + " GB");
          }
        }
      } else {
        try (var tar = new TarArchiveInputStream(new GZIPInputStream(raw))) {
          long total = 0;
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
            total += write(tar, e.getName(), into, maxEntryBytes, skipped);
            if (total > MAX_TOTAL_BYTES)
              throw new IOException("unpacks to more than " + (MAX_TOTAL_BYTES >> 30) + " GB");
          }
        }
      }
    }
    return skipped;
  }

  private static long write(InputStream in, String name, Path into, long max, List<Skipped> skipped)
      throws IOException {
    var clean = name.replace('\\', '/');
    var target = into.resolve(clean).normalize();
    if (clean.startsWith("/") || !target.startsWith(into) || clean.contains("../")) {
      skipped.add(new Skipped(name, "points outside the archive's folder"));
      return 0;
    }
    Files.createDirectories(target.getParent());
    long written = 0;
    try (OutputStream out = Files.newOutputStream(target)) {
      var buf = new byte[64 * 1024];
      for (int r; (r = in.read(buf)) > 0; ) {
        written += r;
        if (written > max) {
          out.close();
          Files.deleteIfExists(target);
          skipped.add(new Skipped(name, "is larger than the limit of " + (max >> 20) + " MB"));
          in.transferTo(OutputStream.nullOutputStream());
          return written;
        }
        out.write(buf, 0, r);
      }
    }
    return written;
  }
}
