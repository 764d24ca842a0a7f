package dev.byline.related;

import static org.assertj.core.api.Assertions.assertThat;

import dev.byline.content.Block;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadLinkPlacementTest {
  static Block p(int n) {
    return Block.Paragraph.ofText("Paragraph " + n + ".");
  }

  static List<Block> paragraphs(int n) {
    var body = new ArrayList<Block>();
    for (int i = 1; i <= n; i++) body.add(p(i));
    return body;
  }

  /** Where links went, as the number of paragraphs above each. */
  static List<Integer> positions(List<Block> body) {
    var out = new ArrayList<Integer>();
    int paragraphs = 0;
    for (var b : body) {
      if (b instanceof Block.Paragraph) paragraphs++;
      if (b instanceof Block.RelatedLink) out.add(paragraphs);
    }
    return out;
  }

  @Test
  void three_links_are_spread_evenly_through_a_long_body() {
    var body = ReadLinkPlacement.place(paragraphs(16), List.of(1L, 2L, 3L), 3);
    assertThat(positions(body)).containsExactly(4, 8, 12);
    assertThat(body.stream()
            .filter(b -> b instanceof Block.RelatedLink)
            .map(b -> ((Block.RelatedLink) b).articleId()))
        .containsExactly(1L, 2L, 3L);
  }

  @Test
  void links_never_go_before_the_second_paragraph_or_after_the_last_in_a_story_with_room() {
    for (int n = 3; n <= 12; n++) {
      var pos = positions(ReadLinkPlacement.place(paragraphs(n), List.of(1L, 2L, 3L), 3));
      assertThat(pos).as("body of %d paragraphs", n).isNotEmpty();
      for (int at : pos) assertThat(at).as("body of %d paragraphs", n).isBetween(2, n - 1);
    }
    assertThat(positions(ReadLinkPlacement.place(paragraphs(3), List.of(1L), 3)))
        .containsExactly(2);
  }

  @Test
  void a_story_of_two_paragraphs_gets_one_link_after_the_first() {
    assertThat(positions(ReadLinkPlacement.place(paragraphs(2), List.of(1L, 2L, 3L), 3)))
        .containsExactly(1);
    assertThat(ReadLinkPlacement.capacity(paragraphs(2), 3)).isEqualTo(1);
  }

  @Test
  void a_story_whose_only_slot_is_after_the_first_paragraph_gets_its_link_there() {
    var body = new ArrayList<Block>(paragraphs(2));
    body.add(new Block.Quote("Words.", "Someone"));
    body.add(p(3));
    assertThat(positions(ReadLinkPlacement.place(body, List.of(1L, 2L), 3))).containsExactly(1);
  }

  @Test
  void a_one_paragraph_story_or_a_short_story_with_a_link_already_gets_none() {
    assertThat(positions(ReadLinkPlacement.place(paragraphs(1), List.of(1L), 3)))
        .isEmpty();
    var linked = new ArrayList<Block>(paragraphs(2));
    linked.add(1, new Block.RelatedLink(9L));
    assertThat(positions(ReadLinkPlacement.place(linked, List.of(1L), 3))).containsExactly(1);
  }

  @Test
  void links_are_at_least_three_paragraphs_apart_and_fewer_are_placed_when_they_do_not_fit() {
    var pos = positions(ReadLinkPlacement.place(paragraphs(7), List.of(1L, 2L, 3L), 3));
    assertThat(pos).hasSize(2);
    assertThat(pos.get(1) - pos.get(0)).isGreaterThanOrEqualTo(3);
    assertThat(ReadLinkPlacement.capacity(paragraphs(7), 3)).isEqualTo(2);
  }

  @Test
  void links_never_sit_next_to_an_image_quote_or_embed() {
    var body = new ArrayList<Block>(paragraphs(3));
    body.add(new Block.ImageBlock(5, "", "", ""));
    body.addAll(paragraphs(3));
    body.add(new Block.Quote("Words.", "Someone"));
    body.addAll(paragraphs(3));
    body.add(new Block.Embed("youtube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "Video"));
    body.addAll(paragraphs(3));
    var placed = ReadLinkPlacement.place(body, List.of(1L, 2L, 3L), 3);
    for (int i = 0; i < placed.size(); i++) {
      if (!(placed.get(i) instanceof Block.RelatedLink)) continue;
      assertThat(placed.get(i - 1)).isInstanceOf(Block.Paragraph.class);
      assertThat(placed.get(i + 1)).isInstanceOf(Block.Paragraph.class);
    }
    assertThat(positions(placed)).isNotEmpty();
  }

  @Test
  void links_an_editor_placed_count_towards_the_maximum_and_keep_their_distance() {
    var body = new ArrayList<Block>(paragraphs(5));
    body.add(new Block.RelatedLink(99));
    body.addAll(paragraphs(10));
    var placed = ReadLinkPlacement.place(body, List.of(1L, 2L, 3L), 3);
    var pos = positions(placed);
    assertThat(pos).hasSize(3).contains(5);
    for (int i = 1; i < pos.size(); i++)
      assertThat(pos.get(i) - pos.get(i - 1)).isGreaterThanOrEqualTo(3);
  }

  @Test
  void the_maximum_is_configurable_and_placement_is_deterministic() {
    assertThat(positions(ReadLinkPlacement.place(paragraphs(30), List.of(1L, 2L, 3L, 4L, 5L), 5)))
        .hasSize(5);
    assertThat(positions(ReadLinkPlacement.place(paragraphs(30), List.of(1L, 2L, 3L), 1)))
        .hasSize(1);
    assertThat(ReadLinkPlacement.place(paragraphs(30), List.of(1L, 2L), 0))
        .isEqualTo(paragraphs(30));
    assertThat(ReadLinkPlacement.place(paragraphs(13), List.of(1L, 2L, 3L), 3))
        .isEqualTo(ReadLinkPlacement.place(paragraphs(13), List.of(1L, 2L, 3L), 3));
  }
}
