package dev.byline.distribution;

import java.util.Optional;

/** The three feed formats, with the file name each has under a feed's folder. */
public enum FeedFormat {
  RSS("rss.xml", "application/rss+xml", "RSS"),
  ATOM("atom.xml", "application/atom+xml", "Atom"),
  JSON("feed.json", "application/feed+json", "JSON Feed");

  private final String fileName;
  private final String mediaType;
  private final String label;

  FeedFormat(String fileName, String mediaType, String label) {
    this.fileName = fileName;
    this.mediaType = mediaType;
    this.label = label;
  }

  /** e.g. {@code rss.xml}. */
  public String fileName() {
    return fileName;
  }

  /** The registered media type, for autodiscovery links. */
  public String mediaType() {
    return mediaType;
  }

  /**
   * What the response says it is. XML feeds go out as {@code application/xml}-family types
   * with an explicit charset so that browsers show them instead of downloading them.
   */
  public String contentType() {
    return mediaType + "; charset=utf-8";
  }

  public String label() {
    return label;
  }

  public static Optional<FeedFormat> byFileName(String name) {
    for (var f : values()) if (f.fileName.equals(name)) return Optional.of(f);
    return Optional.empty();
  }
}
