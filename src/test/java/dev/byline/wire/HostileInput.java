package dev.byline.wire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Hostile deliveries made from real agency files, so every other byte is what agencies send. */
final class HostileInput {
  static final Path WIRE = dev.byline.testing.Fixtures.path("wire");

  private HostileInput() {}

  static String fixture(String rel) {
    return read(WIRE.resolve(rel));
  }

  /** A feed from the W3C Feed Validator's cases, e.g. {@code "rss20/element-channel-item-guid/guid.xml"}. */
  static String feed(String rel) {
    return read(dev.byline.testing.Fixtures.path("feeds", "feedvalidator").resolve(rel));
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** AP's NITF story with its body wrapped in {@code depth} nested {@code <div>}s (about 55 KB at 5,000). */
  static byte[] deepNitf(int depth) {
    var nitf = fixture("agencies/ap-nitf.xml");
    var open = nitf.indexOf("<body.content>") + "<body.content>".length();
    var close = nitf.indexOf("</body.content>");
    var deep = nitf.substring(0, open)
        + "<div>".repeat(depth)
        + nitf.substring(open, close)
        + "</div>".repeat(depth)
        + nitf.substring(close);
    return deep.getBytes(StandardCharsets.UTF_8);
  }

  /** AP's NITF story with its body's paragraphs repeated until the body holds {@code chars} characters. */
  static byte[] longNitf(int chars) {
    var nitf = fixture("agencies/ap-nitf.xml");
    var open = nitf.indexOf("<body.content>") + "<body.content>".length();
    var close = nitf.indexOf("</body.content>");
    var body = nitf.substring(open, close);
    var out = new StringBuilder(chars + body.length());
    while (out.length() < chars) out.append(body);
    return (nitf.substring(0, open) + out + nitf.substring(close)).getBytes(StandardCharsets.UTF_8);
  }
}
