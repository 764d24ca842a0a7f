package dev.byline.web;

import java.nio.file.Path;

/**
 * How large an upload may be and where its files wait while the request is handled. Only routes
 * marked {@link Upload#FILES} take a {@code multipart/form-data} body at all; there, a body
 * without a {@code Content-Length} or longer than {@link #maxRequestBytes()} is refused before
 * a byte of it is read.
 *
 * @param maxFileBytes the largest file one upload may carry
 * @param inMemoryBytes a file up to this size is held in memory; a larger one is written to
 *     {@code tempDir} while its request lasts
 * @param tempDir where uploaded files wait (under the data directory, not the system's temporary
 *     folder, so they count against the site's own disk and are found by its operators); emptied
 *     after each request and at start
 */
public record UploadLimits(long maxFileBytes, int inMemoryBytes, Path tempDir) {
  /** Room for the form fields sent with a file: caption, credit, alt text, the CSRF token. */
  public static final long FIELDS_BYTES = 1024 * 1024;

  /**
   * Parts this small stay in memory: every form field and nothing the size of a photo, so a
   * handful of concurrent uploads cannot fill the heap.
   */
  public static final int DEFAULT_IN_MEMORY_BYTES = 64 * 1024;

  /** For servers that take no uploads at all: every multipart body is refused unread. */
  public static final UploadLimits NONE = new UploadLimits(0, 0, null);

  public UploadLimits {
    if (maxFileBytes < 0 || inMemoryBytes < 0)
      throw new IllegalArgumentException("upload limits cannot be negative");
    if (maxFileBytes > 0 && tempDir == null)
      throw new IllegalArgumentException("uploads need a folder to wait in");
  }

  /** The longest multipart body taken: one file at its limit and its form fields. */
  public long maxRequestBytes() {
    return maxFileBytes == 0 ? 0 : maxFileBytes + FIELDS_BYTES;
  }

  /** Whether any upload is taken at all. */
  boolean takesUploads() {
    return maxFileBytes > 0;
  }
}
