package dev.byline.brand;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.json.Json;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Stored revisions read back across versions of {@link SiteSettings}. */
class SiteSettingsJsonTest {
  @Test
  void a_revision_saved_before_the_fallback_favicon_existed_reads_with_none() throws Exception {
    var json = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(
        SiteSettings.defaults("Herald", ZoneId.of("Europe/Berlin"), "de")));
    ((com.fasterxml.jackson.databind.node.ObjectNode) json).remove("faviconFallback");
    ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("favicon", 7);
    var read = Json.MAPPER.treeToValue(json, SiteSettings.class);
    assertThat(read.favicon()).isEqualTo(7L);
    assertThat(read.faviconFallback()).isNull();
    assertThat(read.name()).isEqualTo("Herald");
  }
}
