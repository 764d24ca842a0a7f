package dev.byline.ads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byline.config.ConfigException;
import dev.byline.testing.TestDatabases;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdsSettingsTest {
  @TempDir
  Path dir;

  AdsSettings ads(Map<String, String> settings) {
    return AdsSettings.from(TestDatabases.sqlite(dir, settings));
  }

  @Test
  void nothing_configured_means_no_ads_and_no_ads_txt() {
    var ads = ads(Map.of());
    assertThat(ads.enabled()).isFalse();
    assertThat(ads.services()).isEmpty();
    assertThat(AdsTxt.render(ads, "Courier")).isEmpty();
  }

  @Test
  void the_demo_has_a_placeholder_publisher_and_two_slots() {
    var ads = ads(Map.of("demo", "true"));
    assertThat(ads.adsenseClient()).contains(AdsSettings.DEMO_CLIENT);
    assertThat(ads.slots()).extracting(AdSlot::afterParagraph).containsExactly(2, 6);
    assertThat(ads.services())
        .extracting(s -> s.id())
        .containsExactly("adsense", "adsense-personalised");
  }

  @Test
  void slots_are_read_from_their_keys_with_defaults_for_size_and_place() {
    var ads = ads(Map.of(
        "ads.adsense.client",
        "pub-1234567890123456",
        "ads.slots",
        "a, b",
        "ads.slot.a.id",
        "123456789",
        "ads.slot.b.id",
        "987654321",
        "ads.slot.b.size",
        "336x280",
        "ads.slot.b.after",
        "9"));
    assertThat(ads.adsenseClient()).contains("ca-pub-1234567890123456");
    assertThat(ads.slots())
        .containsExactly(
            new AdSlot("a", "123456789", new AdSize(300, 250), 2),
            new AdSlot("b", "987654321", new AdSize(336, 280), 9));
    assertThat(AdsTxt.render(ads, "Courier\nX"))
        .contains(
            "# ads.txt for Courier X\ngoogle.com, pub-1234567890123456, DIRECT, f08c47fec0942fa0\n");
  }

  @Test
  void bad_ads_settings_stop_start_up_naming_the_key() {
    assertThatThrownBy(() -> ads(Map.of("ads.adsense.client", "12345")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ads.adsense.client must be an AdSense publisher id");
    assertThatThrownBy(
            () -> ads(Map.of("ads.adsense.client", "ca-pub-1234567890123456", "ads.slots", "a")))
        .hasMessageContaining("ads.slot.a.id is not set");
    assertThatThrownBy(() -> ads(Map.of(
            "ads.adsense.client",
            "ca-pub-1234567890123456",
            "ads.slots",
            "a",
            "ads.slot.a.id",
            "123456789",
            "ads.slot.a.size",
            "728x90")))
        .hasMessageContaining("ads.slot.a.size must be responsive or one of");
    assertThatThrownBy(() -> ads(Map.of("ads.slots", "a", "ads.slot.a.id", "123456789")))
        .hasMessageContaining("needs ads.adsense.client");
    assertThatThrownBy(() -> ads(Map.of("ads.txt.lines", "not an ads.txt line")))
        .hasMessageContaining("ads.txt.lines");
    assertThatThrownBy(() -> ads(Map.of("ads.house.link", "javascript:alert(1)")))
        .hasMessageContaining("ads.house.link");
    assertThatThrownBy(() -> ads(Map.of("ads.house.link", "//evil.example")))
        .hasMessageContaining("ads.house.link");
  }
}
