package dev.byline.ads;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.content.Block;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdPlacementTest {
  static final AdSlot TOP = new AdSlot("top", "1111111111", new AdSize(300, 250), 2);
  static final AdSlot LOWER = new AdSlot("lower", "2222222222", AdSize.RESPONSIVE, 3);

  static List<Block> paragraphs(int n) {
    var body = new ArrayList<Block>();
    for (int i = 1; i <= n; i++) body.add(Block.Paragraph.ofText("Paragraph " + i));
    return body;
  }

  @Test
  void a_slot_goes_after_its_paragraph_and_the_next_at_least_two_paragraphs_later() {
    var placed = AdPlacement.place(paragraphs(8), List.of(LOWER, TOP));
    assertThat(placed).containsOnlyKeys(1, 3);
    assertThat(placed.get(1)).isEqualTo(TOP);
    assertThat(placed.get(3)).isEqualTo(LOWER);
  }

  @Test
  void a_read_link_stays_next_to_its_paragraph_and_the_ad_moves_past_it() {
    var body = paragraphs(5);
    body.add(2, new Block.RelatedLink(42));
    body.add(3, new Block.RelatedLink(43));
    var placed = AdPlacement.place(body, List.of(TOP));
    assertThat(placed).containsOnlyKeys(3);
    assertThat(body.get(4)).isInstanceOf(Block.Paragraph.class);
  }

  @Test
  void ads_never_end_an_article_so_short_stories_get_fewer() {
    assertThat(AdPlacement.place(paragraphs(2), List.of(TOP))).isEmpty();
    assertThat(AdPlacement.place(paragraphs(3), List.of(TOP, LOWER))).containsOnlyKeys(1);
    var withTrailingLink = paragraphs(2);
    withTrailingLink.add(new Block.RelatedLink(7));
    assertThat(AdPlacement.place(withTrailingLink, List.of(TOP))).isEmpty();
  }

  @Test
  void headings_and_embeds_do_not_count_as_paragraphs() {
    var body = new ArrayList<Block>(paragraphs(4));
    body.add(1, new Block.Heading(2, "Background"));
    var placed = AdPlacement.place(body, List.of(TOP));
    assertThat(placed).containsOnlyKeys(2);
  }
}
