package dev.byline.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What makes two wire stories one story for related reading. */
class StoryKeyTest {
  @Test
  void a_guid_that_is_a_uri_is_the_same_story_from_any_source() {
    assertThat(Story.key("reuters", "tag:reuters.com,0000:newsml_L1N14N0FF"))
        .isEqualTo(Story.key("archive", "tag:reuters.com,0000:newsml_L1N14N0FF"))
        .isEqualTo("tag:reuters.com,0000:newsml_L1N14N0FF");
    assertThat(Story.key("feed", "urn:newsml:agency.example:20260302:report"))
        .isEqualTo("urn:newsml:agency.example:20260302:report");
    assertThat(Story.key("feed", "https://news.example.org/2026/03/report"))
        .isEqualTo("https://news.example.org/2026/03/report");
  }

  @Test
  void any_other_guid_is_one_story_only_within_its_source() {
    assertThat(Story.key("dpa", "12345")).isEqualTo("dpa:12345");
    assertThat(Story.key("afp", "12345")).isNotEqualTo(Story.key("dpa", "12345"));
    assertThat(Story.key("dpa", "no colon here")).isEqualTo("dpa:no colon here");
  }
}
