package dev.byline.migrate;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Replaces characters XML 1.0 forbids (control characters other than tab and line ends, and
 * U+FFFE/U+FFFF) with a space. WordPress writes whatever its database holds, and text pasted
 * from word processors brings such characters along; one of them would otherwise make a whole
 * export unreadable. How many were replaced is counted for the report.
 */
final class CleanXmlReader extends FilterReader {
  private long replaced;
  private boolean ended;

  CleanXmlReader(Reader in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c < 0) ended = true;
    if (c >= 0 && !allowed((char) c)) {
      replaced++;
      return ' ';
    }
    return c;
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    if (n < 0) ended = true;
    for (int i = off; i < off + n; i++) {
      if (!allowed(buf[i])) {
        buf[i] = ' ';
        replaced++;
      }
    }
    return n;
  }

  /** True once the whole file was read: a parse error then means the file was cut short. */
  boolean ended() {
    return ended;
  }

  long replaced() {
    return replaced;
  }

  private static boolean allowed(char c) {
    return c >= 0x20 ? c < 0xFFFE : c == '\t' || c == '\n' || c == '\r';
  }
}
