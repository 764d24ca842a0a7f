package dev.byline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code site.language}: the site's language, with the older {@code language} as a fallback. */
class SiteLanguageConfigTest {
  @TempDir
  Path dir;

  Config load(Map<String, String> env, Map<String, String> flags) {
    var all = new java.util.HashMap<>(env);
    all.put("BYLINE_DATA", dir.toString());
    return new ConfigLoader(all).load(flags, null);
  }

  @Test
  void english_by_default() {
    assertThat(load(Map.of(), Map.of()).languageTag()).isEqualTo("en");
  }

  @Test
  void site_language_is_read_from_file_environment_and_flags() throws Exception {
    Files.writeString(dir.resolve("byline.properties"), "site.language=ar\n");
    assertThat(load(Map.of(), Map.of()).languageTag()).isEqualTo("ar");
    assertThat(load(Map.of("BYLINE_SITE_LANGUAGE", "de"), Map.of()).languageTag())
        .isEqualTo("de");
    assertThat(load(Map.of("BYLINE_SITE_LANGUAGE", "de"), Map.of("site.language", "es-MX"))
            .languageTag())
        .isEqualTo("es-MX");
  }

  @Test
  void the_older_language_key_counts_only_when_site_language_is_not_set() {
    assertThat(load(Map.of("BYLINE_LANGUAGE", "fr"), Map.of()).languageTag()).isEqualTo("fr");
    assertThat(load(Map.of("BYLINE_LANGUAGE", "fr", "BYLINE_SITE_LANGUAGE", "de"), Map.of())
            .languageTag())
        .isEqualTo("de");
  }

  @Test
  void a_malformed_tag_is_refused_naming_site_language() {
    assertThatThrownBy(() -> load(Map.of(), Map.of("site.language", "not a tag!")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("site.language")
        .hasMessageContaining("not a tag!");
  }
}
