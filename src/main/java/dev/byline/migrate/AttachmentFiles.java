package dev.byline.migrate;

import dev.byline.media.ImageStore;
import dev.byline.wire.PictureFetcher;
import dev.byline.wire.WireSource;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where an attachment's file comes from: the old site's uploads folder given on the command line
 * (read only below that folder, never through a link out of it), or, with {@code --fetch-media},
 * the old site itself through the wire desk's picture fetcher, which refuses other hosts,
 * private addresses (unless allowed), non-pictures and oversized files.
 */
final class AttachmentFiles {
  private static final Pattern UPLOADS =
      Pattern.compile("/(?:wp-content/uploads|content/images)/(.+)$");
  private static final Pattern SIZED = Pattern.compile("-\\d{1,5}x\\d{1,5}(\\.[A-Za-z0-9]{1,5})$");
  private static final List<String> PICTURES = List.of(".jpg", ".jpeg", ".png", ".gif", ".webp");

  private final Path uploads;
  private final boolean fetch;
  private final PictureFetcher fetcher;
  private final WireSource source;

  /** Why a file could not be had, in plain words. */
  static final class Unavailable extends Exception {
    Unavailable(String message) {
      super(message, null, false, false);
    }
  }

  AttachmentFiles(
      Path uploads,
      boolean fetch,
      PictureFetcher fetcher,
      String origin,
      boolean allowPrivate,
      ZoneId zone) {
    this.uploads = uploads;
    this.fetch = fetch;
    this.fetcher = fetcher;
    var host = hostOf(origin).replaceFirst("^www\\.", "");
    var hosts = host.isEmpty() ? List.<String>of() : List.of(host, "*." + host);
    this.source = new WireSource(
        "migrate",
        "Migration",
        null,
        null,
        java.time.Duration.ofMinutes(5),
        "",
        hosts,
        allowPrivate,
        ImageStore.MAX_BYTES,
        false,
        "",
        List.of(),
        zone);
  }

  /** The file's place below the uploads folder ("2024/04/quay.jpg"), from WordPress's record or its address. */
  static String key(String attachedFile, String url) {
    if (attachedFile != null && !attachedFile.isBlank()) return attachedFile.strip();
    return keyOfUrl(url);
  }

  /** The upload's key from any address of it, resized copies ("-300x200") included. */
  static String keyOfUrl(String url) {
    if (url == null || url.isBlank()) return "";
    String path;
    try {
      path = URI.create(url.strip()).getRawPath();
    } catch (IllegalArgumentException e) {
      return "";
    }
    if (path == null) return "";
    var m = UPLOADS.matcher(path);
    if (!m.find()) return "";
    var key = URLDecoder.decode(m.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
    return SIZED.matcher(key).replaceFirst("$1");
  }

  static boolean isPicture(String key, String mime) {
    if (mime != null && mime.startsWith("image/")) return true;
    var lower = key.toLowerCase(Locale.ROOT);
    return PICTURES.stream().anyMatch(lower::endsWith);
  }

  byte[] read(String key, String url) throws Unavailable {
    if (uploads != null && !key.isEmpty()) {
      var bytes = fromUploads(key);
      if (bytes != null) return bytes;
      if (!fetch)
        throw new Unavailable("its file " + key + " is not in the uploads folder " + uploads);
    }
    if (fetch) {
      try {
        return fetcher.fetch(source, url);
      } catch (PictureFetcher.Refused e) {
        throw new Unavailable("its file could not be fetched: " + e.getMessage());
      }
    }
    throw new Unavailable(
        "its file was not read: give --uploads DIR (the old site's wp-content/uploads) or --fetch-media");
  }

  private byte[] fromUploads(String key) throws Unavailable {
    try {
      var root = uploads.toRealPath();
      var file = root.resolve(key).normalize();
      if (!file.startsWith(root))
        throw new Unavailable("its file name " + key + " points outside the uploads folder");
      if (!Files.isRegularFile(file)) return null;
      var real = file.toRealPath();
      if (!real.startsWith(root))
        throw new Unavailable("its file " + key + " is a link out of the uploads folder");
      long size = Files.size(real);
      if (size > ImageStore.MAX_BYTES)
        throw new Unavailable("its file is " + (size >> 20) + " MB; the photo desk takes at most "
            + (ImageStore.MAX_BYTES >> 20) + " MB");
      return Files.readAllBytes(real);
    } catch (java.nio.file.InvalidPathException e) {
      throw new Unavailable("its file name " + key + " is not a usable path");
    } catch (IOException e) {
      throw new Unavailable("its file " + key + " could not be read: " + e.getMessage());
    }
  }

  private static String hostOf(String origin) {
    try {
      var h = URI.create(origin).getHost();
      return h == null ? "" : h.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
