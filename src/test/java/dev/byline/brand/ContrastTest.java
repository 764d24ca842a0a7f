package dev.byline.brand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byline.content.InvalidInput;
import dev.byline.store.SurrogateKey;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** WCAG contrast as the spec computes it, and what a settings change names for purging. */
class ContrastTest {
  @Test
  void ratios_match_the_wcag_formula_at_known_points() {
    assertThat(new Colour("#000").contrastWith(Colour.WHITE)).isEqualTo(21.0);
    assertThat(Colour.WHITE.contrastWith(Colour.WHITE)).isEqualTo(1.0);
    // #767676 is the well-known lightest grey that passes AA on white (4.54:1).
    assertThat(new Colour("#767676").contrastWith(Colour.WHITE)).isBetween(4.54, 4.55);
    assertThat(new Colour("#777777").contrastWith(Colour.WHITE)).isLessThan(4.5);
  }

  @Test
  void a_colour_just_below_aa_is_refused_naming_field_pair_and_ratio() {
    assertThatThrownBy(() -> Contrast.check(new Colour("#777777"), SiteSettings.DEFAULT_LINK))
        .isInstanceOf(InvalidInput.class)
        .hasMessage("accent is too faint: accent colour #777777 on #ffffff (text on the page"
            + " background) has a contrast ratio of 4.47:1; WCAG AA asks for at least 4.5:1");
    Contrast.check(new Colour("#767676"), SiteSettings.DEFAULT_LINK); // passes
  }

  @Test
  void a_dark_accent_passes_and_a_light_one_fails_under_white_text() {
    Contrast.check(new Colour("#1a5e20"), SiteSettings.DEFAULT_LINK);
    assertThatThrownBy(() -> Contrast.check(new Colour("#ffcc00"), SiteSettings.DEFAULT_LINK))
        .hasMessageContaining("accent colour #ffcc00 on #ffffff");
  }

  @Test
  void only_css_hex_colours_are_accepted() {
    assertThat(new Colour(" #ABC ").hex()).isEqualTo("#aabbcc");
    for (var bad : List.of("red", "#12345", "#1234567", "rgb(0,0,0)", "#00000g;}", ""))
      assertThatThrownBy(() -> Colour.parse("accent", bad))
          .isInstanceOf(InvalidInput.class)
          .hasMessageStartingWith("accent ");
  }

  @Test
  void a_change_names_the_keys_of_the_pages_that_show_it() {
    var before = SiteSettings.defaults("Courier", ZoneId.of("UTC"), "en-GB");
    assertThat(before.language()).isEqualTo("en");
    assertThat(before.keysChangedSince(before)).isEmpty();
    var publisher = new Publisher("/ethics", "", "", "", "", "", "", "", "");
    var withPublisher = copy(before, before.name(), publisher, null);
    assertThat(withPublisher.keysChangedSince(before)).containsExactly(SurrogateKey.PUBLISHER);
    assertThat(copy(before, before.name(), before.publisher(), 7L).keysChangedSince(before))
        .containsExactly(SurrogateKey.SOCIAL_IMAGE);
    assertThat(copy(before, "Herald", before.publisher(), null).keysChangedSince(before))
        .containsExactlyInAnyOrder(SurrogateKey.CHROME, SurrogateKey.PUBLISHER);
  }

  private static SiteSettings copy(SiteSettings s, String name, Publisher p, Long social) {
    return new SiteSettings(
        name,
        s.tagline(),
        s.logo(),
        s.logoDark(),
        s.favicon(),
        s.faviconFallback(),
        s.accent(),
        s.link(),
        social,
        s.sameAs(),
        p,
        s.footer(),
        s.timeZone(),
        s.language());
  }
}
