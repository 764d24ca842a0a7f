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

  /** The guid of the Reuters package's main text, which the fixtures do not include. */
  static final String PACKAGE_TEXT_GUID = "tag_reuters.com_2014_newsml_KBN0FL0NN";

  /**
   * One news message carrying Reuters' package, then its photo, its main text (IPTC's text item
   * under the guid the package names) and an AP video item with no headline: a package whose
   * members arrive in the same file, as agencies send them.
   */
  static byte[] packageWithMembers() {
    var pkg = fixture("agencies/tag_reuters.com_2014_newsml_KBN0FL0NM_version_10");
    var photo = element(
        fixture("agencies/tag_reuters.com_2014_newsml_LYNXMPEA6F0MS_version_2"), "newsItem");
    var text = element(fixture("newsml-g2/LISTING_2_NewsML-G2_Text_Document.xml"), "newsItem")
        .replace("urn:newsml:acmenews.com:20161121:US-FINANCE-FED", PACKAGE_TEXT_GUID);
    String video;
    try {
      video = element(
          Files.readString(
              WIRE.resolve("newsml-g2/ap_metadata_example.xml"), StandardCharsets.ISO_8859_1),
          "newsItem");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    int end = pkg.indexOf("</packageItem>") + "</packageItem>".length();
    return (pkg.substring(0, end) + photo + text + video + pkg.substring(end))
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The first element with this name, from its start tag to its end tag. */
  static String element(String xml, String name) {
    int start = xml.indexOf("<" + name);
    int end = xml.lastIndexOf("</" + name + ">") + name.length() + 3;
    return xml.substring(start, end);
  }
}
