package dev.byline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir
  Path dir;

  @Test
  void flags_win_over_environment_and_environment_over_the_file() throws Exception {
    Files.writeString(
        dir.resolve("byline.properties"),
        "site.name=From file\nlanguage=de\ntime.zone=Europe/Berlin\nport=9000\n");
    var env = Map.of(
        "BYLINE_SITE_NAME", "From env", "BYLINE_LANGUAGE", "fr", "BYLINE_DATA", dir.toString());
    var config = new ConfigLoader(env).load(Map.of("site.name", "From flag"), null);
    assertThat(config.siteName()).isEqualTo("From flag");
    assertThat(config.languageTag()).isEqualTo("fr");
    assertThat(config.timeZone().getId()).isEqualTo("Europe/Berlin");
    assertThat(config.port()).isEqualTo(9000);
    assertThat(config.dataDir()).isEqualTo(dir);
  }

  @Test
  void defaults_give_a_working_local_site() {
    var config = new ConfigLoader(Map.of()).load(Map.of("data", dir.toString()), null);
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.baseUrl()).isEqualTo("http://localhost:8080");
    assertThat(config.embeddedDatabase()).isTrue();
    assertThat(config.jdbcUrl())
        .isEqualTo("jdbc:sqlite:" + dir.resolve("byline.db").toAbsolutePath());
    assertThat(config.siteName()).isEqualTo(Config.DEFAULT_SITE_NAME);
  }

  @Test
  void any_dotted_setting_reaches_features_from_every_layer() {
    var config = new ConfigLoader(Map.of("BYLINE_CONSENT_GA4_ID", "G-TEST"))
        .load(Map.of("data", dir.toString(), "ads.enabled", "yes"), null);
    assertThat(config.setting("consent.ga4.id")).contains("G-TEST");
    assertThat(config.boolSetting("ads.enabled", false)).isTrue();
  }

  @Test
  void bad_values_are_refused_naming_the_key() {
    var loader = new ConfigLoader(Map.of());
    assertThatThrownBy(() -> loader.load(Map.of("data", dir.toString(), "port", "eighty"), null))
        .isInstanceOf(ConfigException.class)
        .hasMessage("configuration port must be a number, not \"eighty\"");
    assertThatThrownBy(
            () -> loader.load(Map.of("data", dir.toString(), "time.zone", "Mars/Olympus"), null))
        .hasMessageContaining("time.zone");
    assertThatThrownBy(
            () -> loader.load(Map.of("data", dir.toString(), "base.url", "ftp://x"), null))
        .hasMessageContaining("base.url");
    assertThatThrownBy(
            () -> loader.load(Map.of("data", dir.toString()), dir.resolve("missing.properties")))
        .hasMessageContaining("missing.properties");
    assertThatThrownBy(() ->
            loader.load(Map.of("data", dir.toString(), "x", "maybe"), null).boolSetting("x", false))
        .hasMessageContaining("must be true or false");
  }
}
