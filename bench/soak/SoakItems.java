import java.nio.charset.StandardCharsets;

/**
 * The items the soak sends. Seven in ten are good ninjs stories (one in seven carrying a script
 * that must not reach a page); three in ten are hostile in one of five ways, each of which must be
 * refused: XML nested 5,000 deep, a body longer than editors may write, broken JSON, a DOCTYPE
 * (XXE), and a pubStatus no agency uses. Every item's guid is {@code urn:soak:N}.
 */
final class SoakItems {
  static final String SCRIPT = "<script>alert('soak')</script>";

  private SoakItems() {}

  static boolean good(int n) {
    return n % 10 >= 3;
  }

  static String guid(int n) {
    return "urn:soak:" + n;
  }

  static String headline(int n) {
    return "Soak story number " + n;
  }

  static int hostileKind(int n) {
    return (n / 10) % 5;
  }

  static byte[] bytes(int n) {
    return (good(n) ? good(n, "") : hostile(n)).getBytes(StandardCharsets.UTF_8);
  }

  private static String good(int n, String extra) {
    var script = n % 7 == 0 ? SCRIPT : "";
    return "{\"uri\":\"" + guid(n) + "\",\"type\":\"text\",\"version\":\"1\","
        + "\"versioncreated\":\"2026-03-01T10:00:00Z\",\"headline\":\"" + headline(n) + "\","
        + "\"body_html\":\"<p>First paragraph of story " + n + ".</p>"
        + script.replace("'", "\\u0027")
        + "<p>Second paragraph.</p>\"" + extra + "}";
  }

  private static String hostile(int n) {
    return switch (hostileKind(n)) {
      case 0 -> nitf(n, "<div>".repeat(5_000) + "<p>Deep.</p>" + "</div>".repeat(5_000), "");
      case 1 ->
        "{\"uri\":\"" + guid(n)
            + "\",\"type\":\"text\",\"versioncreated\":\"2026-03-01T10:00:00Z\","
            + "\"headline\":\"" + headline(n) + "\",\"body_text\":\""
            + "Words that go on and on. ".repeat(12_000) + "\"}";
      case 2 -> "{\"uri\":\"" + guid(n) + "\",\"headline\":\"" + headline(n) + "\",";
      case 3 ->
        "<?xml version=\"1.0\"?><!DOCTYPE nitf [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + nitf(n, "<p>&x;</p>", "");
      default -> nitf(n, "<p>Status.</p>", " management-status=\"rumoured\"");
    };
  }

  private static String nitf(int n, String content, String status) {
    return "<nitf><head><docdata" + status + "><doc-id id-string=\"" + guid(n) + "\"/>"
        + "<date.issue norm=\"20260301T100000Z\"/></docdata></head><body><body.head><hedline><hl1>"
        + headline(n) + "</hl1></hedline></body.head><body.content>" + content
        + "</body.content></body></nitf>";
  }
}
