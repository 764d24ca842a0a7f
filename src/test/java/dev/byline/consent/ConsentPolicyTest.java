package dev.byline.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byline.config.ConfigException;
import dev.byline.testing.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsentPolicyTest {
  @TempDir
  Path dir;

  ConsentPolicy policy(Map<String, String> settings, List<Service> others) {
    return ConsentPolicy.from(TestDatabases.sqlite(dir, settings), others);
  }

  @Test
  void a_bare_install_asks_only_about_preferences_and_youtube_and_needs_no_google_defaults() {
    var p = policy(Map.of(), List.of());
    assertThat(p.categories())
        .containsExactly(Category.NECESSARY, Category.PREFERENCES, Category.MEDIA);
    assertThat(p.googleConsentMode()).isEmpty();
    assertThat(p.revision()).isEqualTo(1);
    assertThat(p.expiryDays()).isEqualTo(ConsentPolicy.DEFAULT_EXPIRY_DAYS);
    assertThat(p.thirdParties()).containsExactly("YouTube");
  }

  @Test
  void the_demo_shows_placeholder_analytics_and_every_category_once_adsense_is_added() {
    var p = policy(
        Map.of("demo", "true"),
        List.of(
            KnownServices.adsense("ca-pub-0000000000000000"), KnownServices.adsensePersonalised()));
    assertThat(p.service(KnownServices.GOOGLE_ANALYTICS).orElseThrow().account())
        .isEqualTo(ConsentPolicy.DEMO_GA4_ID);
    assertThat(p.categories()).containsExactly(Category.values());
    assertThat(p.googleConsentMode()).isPresent();
    assertThat(p.hosts().frames()).contains("https://www.youtube-nocookie.com");
    assertThat(p.thirdParties()).containsExactly("Google Analytics", "Google AdSense", "YouTube");
  }

  @Test
  void youtube_can_be_turned_off_and_then_media_is_not_asked_about() {
    var p = policy(Map.of("consent.youtube.enabled", "false"), List.of());
    assertThat(p.categories()).doesNotContain(Category.MEDIA);
    assertThat(p.hosts().all()).isEmpty();
  }

  @Test
  void bad_settings_stop_start_up_naming_the_key() {
    assertThatThrownBy(() -> policy(Map.of("consent.ga4.id", "UA-12345-1"), List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("consent.ga4.id must be a GA4 measurement id");
    assertThatThrownBy(() -> policy(Map.of("consent.revision", "0"), List.of()))
        .hasMessageContaining("consent.revision");
    assertThatThrownBy(() -> policy(Map.of("consent.expiry.days", "900"), List.of()))
        .hasMessageContaining("consent.expiry.days");
  }

  @Test
  void category_ids_are_the_browser_contract() {
    assertThat(List.of(Category.values()))
        .extracting(Category::id)
        .containsExactly(
            "necessary",
            "preferences",
            "analytics",
            "advertising",
            "personalised-advertising",
            "media");
    assertThat(Category.byId("personalised-advertising"))
        .contains(Category.PERSONALISED_ADVERTISING);
    assertThat(Category.byId("marketing")).isEmpty();
  }
}
