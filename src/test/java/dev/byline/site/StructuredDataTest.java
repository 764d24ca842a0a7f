package dev.byline.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.json.Json;
import org.junit.jupiter.api.Test;

/** JSON-LD sits inside a script element, so nothing in it may close or open markup. */
class StructuredDataTest {
  @Test
  void markup_characters_are_escaped_and_everything_else_is_plain_json() throws Exception {
    var n = Json.MAPPER.createObjectNode();
    n.put("headline", "Strike </script><script>alert(1)</script> & \"talks\" — Zürich\n\t\u0001");
    n.putArray("list").add("a<b").add(3);
    var out = StructuredData.safe(n);
    assertThat(out)
        .isEqualTo(
            n.toString().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
        .doesNotContain("<")
        .doesNotContain(">")
        .doesNotContain("&")
        .contains("Zürich");
    assertThat(Json.MAPPER.readTree(out)).isEqualTo(n);
  }
}
