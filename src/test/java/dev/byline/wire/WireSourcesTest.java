package dev.byline.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byline.config.ConfigException;
import dev.byline.testing.TestDatabases;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading sources and desk rules from configuration; mistakes name the key. */
class WireSourcesTest {
  @TempDir
  Path dir;

  WireSources read(String... pairs) {
    var m = new HashMap<String, String>();
    for (int i = 0; i < pairs.length; i += 2) m.put(pairs[i], pairs[i + 1]);
    return WireSources.from(TestDatabases.sqlite(dir, m));
  }

  static WireItem item(String code, String name) {
    return new WireItem(
        "s",
        "g",
        1,
        java.time.Instant.EPOCH,
        null,
        PubStatus.USABLE,
        null,
        ItemKind.TEXT,
        "t",
        "Headline",
        "",
        List.of(),
        List.of(),
        "",
        "",
        "",
        List.of(Subject.of(code, name)),
        0,
        "",
        "",
        "",
        "",
        "",
        "",
        List.of(),
        List.of());
  }

  @Test
  void sources_read_their_settings_and_rules_in_number_order() {
    var sources = read(
        "wire.sources",
        "reuters, ap",
        "wire.source.reuters.name",
        "Reuters",
        "wire.source.reuters.rule.2",
        "* -> -, inbox",
        "wire.source.reuters.rule.1",
        "politics -> world, topic Politics, publish",
        "wire.source.reuters.pictures.hosts",
        "*.reuters.com, pictures.example",
        "wire.source.ap.publish",
        "auto");
    var reuters = sources.byName("reuters").orElseThrow();
    assertThat(reuters.displayName()).isEqualTo("Reuters");
    assertThat(reuters.folder()).isEqualTo(dir.resolve("wire").resolve("reuters"));
    assertThat(reuters.rules()).extracting(Rule::subject).containsExactly("politics", "*");
    assertThat(reuters.rules().get(0)).isEqualTo(new Rule("politics", "world", "Politics", true));
    assertThat(reuters.allowsHost("content.reuters.com")).isTrue();
    assertThat(reuters.allowsHost("reuters.com.evil.example")).isFalse();
    assertThat(reuters.allowsHost("pictures.example")).isTrue();
    assertThat(sources.byName("ap").orElseThrow().autoPublish()).isTrue();
    assertThat(sources.byName("ap").orElseThrow().displayName()).isEqualTo("AP");
    assertThat(reuters.ruleFor(item("subj:11003000", "")))
        .isEqualTo(reuters.rules().get(0));
    assertThat(reuters.ruleFor(item("medtop:04000000", "")))
        .isEqualTo(reuters.rules().get(1));
  }

  @Test
  void configuration_mistakes_stop_start_up_with_the_key_and_the_reason() {
    assertThatThrownBy(() -> read("wire.sources", "Reuters!"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("wire.sources");
    assertThatThrownBy(() -> read("wire.sources", "r", "wire.source.r.rule.1", "politics world"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("wire.source.r.rule.1")
        .hasMessageContaining("->");
    assertThatThrownBy(
            () -> read("wire.sources", "r", "wire.source.r.rule.1", "politics -> world, shout"))
        .hasMessageContaining("\"shout\"");
    assertThatThrownBy(() -> read("wire.sources", "r", "wire.source.r.push.token", "short"))
        .hasMessageContaining("16 characters");
    assertThatThrownBy(() -> read("wire.sources", "r", "wire.source.r.feed.url", "ftp://x/y"))
        .hasMessageContaining("http(s)");
    assertThatThrownBy(() -> read("wire.sources", "r", "wire.source.r.feed.interval.seconds", "1"))
        .hasMessageContaining("at least 10");
    assertThatThrownBy(() -> read("wire.sources", "r", "wire.source.r.publish", "sometimes"))
        .hasMessageContaining("inbox or auto");
    assertThatThrownBy(() -> read("wire.sources", "r", "wire.source.r.zone", "Mars/Olympus"))
        .hasMessageContaining("wire.source.r.zone");
  }
}
