package dev.byline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** The names leave the process in Surrogate-Key headers, so HTTP caches purge by them: fixed. */
class SurrogateKeyTest {
  @Test
  void keys_are_the_names_http_caches_purge_by() {
    assertThat(SurrogateKey.article(12)).isEqualTo("article:12");
    assertThat(SurrogateKey.section(3)).isEqualTo("section:3");
    assertThat(SurrogateKey.topic(4)).isEqualTo("topic:4");
    assertThat(SurrogateKey.author(5)).isEqualTo("author:5");
    assertThat(SurrogateKey.image(6)).isEqualTo("image:6");
    assertThat(SurrogateKey.month(YearMonth.of(2026, 3))).isEqualTo("month:2026-03");
    assertThat(SurrogateKey.FRONT).isEqualTo("front");
    assertThat(SurrogateKey.LISTS).isEqualTo("lists");
    assertThat(SurrogateKey.SECTIONS).isEqualTo("sections");
  }
}
