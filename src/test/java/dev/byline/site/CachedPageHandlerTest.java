package dev.byline.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CachedPageHandlerTest {
  @Test
  void only_plain_slug_paths_take_the_fast_path() {
    for (var ok : new String[] {"/", "/world", "/world/some-story-2", "/topic/port-averly"}) {
      assertThat(CachedPageHandler.cacheablePath(ok)).as(ok).isTrue();
    }
    for (var no : new String[] {
      "",
      "world",
      "/world/",
      "//world",
      "/a/b/c",
      "/World",
      "/world/%41",
      "/x y",
      "/media/ab/c.jpg",
      "/a//b"
    }) {
      assertThat(CachedPageHandler.cacheablePath(no)).as(no).isFalse();
    }
  }
}
