package dev.byline.distribution;

import java.io.OutputStream;

/**
 * Writes a channel in one format, streaming to {@code out} (which is left open).
 *
 * <pre>{@code
 * FeedWriter.write(FeedFormat.ATOM, channel, response.outputStream());
 * }</pre>
 */
public final class FeedWriter {
  private FeedWriter() {}

  public static void write(FeedFormat format, FeedChannel channel, OutputStream out) {
    switch (format) {
      case RSS -> RssWriter.write(channel, out);
      case ATOM -> AtomWriter.write(channel, out);
      case JSON -> JsonFeedWriter.write(channel, out);
    }
  }
}
