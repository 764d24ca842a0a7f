package dev.byline.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.http.NotFoundResponse;
import org.junit.jupiter.api.Test;

class PageNumberTest {
  @Test
  void no_page_or_a_blank_one_is_the_first() {
    assertThat(PageNumber.parse(null)).isEqualTo(PageNumber.FIRST);
    assertThat(PageNumber.parse("")).isEqualTo(PageNumber.FIRST);
    assertThat(PageNumber.parse("  ")).isEqualTo(PageNumber.FIRST);
  }

  @Test
  void a_whole_number_up_to_the_limit_is_that_page() {
    assertThat(PageNumber.parse("2").value()).isEqualTo(2);
    assertThat(PageNumber.parse(" 7 ").value()).isEqualTo(7);
    assertThat(PageNumber.parse("007").value()).isEqualTo(7);
    assertThat(PageNumber.parse(Integer.toString(PageNumber.MAX)).value())
        .isEqualTo(PageNumber.MAX);
  }

  @Test
  void anything_else_is_refused_naming_the_parameter_and_the_range() {
    for (var bad : new String[] {"abc", "0", "-1", "1.5", "2e3", "+2", "٣", "1 2"}) {
      assertThatThrownBy(() -> PageNumber.parse(bad))
          .as(bad)
          .isInstanceOf(BadRequest.class)
          .hasMessage("page must be a whole number from 1 to " + PageNumber.MAX);
    }
  }

  @Test
  void a_number_past_the_limit_is_a_page_that_does_not_exist() {
    assertThatThrownBy(() -> PageNumber.parse(Integer.toString(PageNumber.MAX + 1)))
        .isInstanceOf(NotFoundResponse.class);
    assertThatThrownBy(() -> PageNumber.parse("99999999999999999999"))
        .isInstanceOf(NotFoundResponse.class)
        .hasMessageContaining("99999999999999999999");
  }
}
