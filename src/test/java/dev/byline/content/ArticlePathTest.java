package dev.byline.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticlePathTest {
  @Test
  void a_story_lives_under_its_section_or_under_news_without_one() {
    var world = new Section(1, "world", "World", "", 0);
    assertThat(ArticlePath.of(world, "port-talks-resume")).isEqualTo("/world/port-talks-resume");
    assertThat(ArticlePath.of(null, "port-talks-resume")).isEqualTo("/news/port-talks-resume");
  }

  @Test
  void every_kind_of_article_record_takes_its_path_from_the_one_rule() {
    var culture = new Section(2, "culture", "Culture", "", 1);
    var summary = new ArticleSummary(7, "a-slug", "H", "", culture, null, null, null, "", null);
    var desk = new DeskItem(7, "a-slug", "H", ArticleStatus.DRAFT, null, null, null, null, 1);
    assertThat(summary.path()).isEqualTo(ArticlePath.of(culture, "a-slug"));
    assertThat(desk.path()).isEqualTo(ArticlePath.of(null, "a-slug"));
  }
}
