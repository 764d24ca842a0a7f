package dev.byline.migrate;

import java.nio.file.Path;

/**
 * How an import runs.
 *
 * @param dryRun read and plan everything, write nothing but the report
 * @param uploads the old site's uploads folder ({@code wp-content/uploads}, Ghost's {@code
 *     content/images}), where attachments' files are read; null for none
 * @param fetchMedia download attachments' files from the old site (through the picture fetcher's
 *     guard) when they are not in {@code uploads}
 * @param section slug or name of the section for posts filed under no category; empty for none
 * @param publishPages publish published pages as articles (by default they are kept as drafts)
 * @param report where the report is written; null for a file in the data folder
 * @param batchSize items per transaction
 */
public record MigrationOptions(
    boolean dryRun,
    Path uploads,
    boolean fetchMedia,
    String section,
    boolean publishPages,
    Path report,
    int batchSize) {
  /** Large enough to amortise a commit, small enough that a crash repeats little. */
  public static final int DEFAULT_BATCH = 500;

  public MigrationOptions {
    section = section == null ? "" : section.strip();
    if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1");
  }

  public static MigrationOptions defaults() {
    return new MigrationOptions(false, null, false, "", false, null, DEFAULT_BATCH);
  }
}
