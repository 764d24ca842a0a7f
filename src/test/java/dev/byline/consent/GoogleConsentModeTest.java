package dev.byline.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byline.config.ConfigException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoogleConsentModeTest {
  @Test
  void the_defaults_deny_everything_a_reader_controls_and_grant_security_storage() {
    var script = new GoogleConsentMode(List.of(), 500).inlineScript();
    assertThat(script)
        .startsWith(
            "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}");
    for (var type : RegionDefault.TYPES) assertThat(script).contains("'" + type + "':'denied'");
    assertThat(script)
        .contains("'security_storage':'granted'", "'wait_for_update':500")
        .doesNotContain("region");
  }

  @Test
  void the_csp_source_is_the_sha256_of_exactly_the_inline_script() throws Exception {
    var mode = new GoogleConsentMode(RegionDefault.parse("US-CA: analytics_storage"), 300);
    var expected = Base64.getEncoder()
        .encodeToString(MessageDigest.getInstance("SHA-256")
            .digest(mode.inlineScript().getBytes(StandardCharsets.UTF_8)));
    assertThat(mode.cspSource()).isEqualTo("'sha256-" + expected + "'");
    assertThat(new GoogleConsentMode(List.of(), 300).cspSource()).isNotEqualTo(mode.cspSource());
  }

  @Test
  void region_defaults_grant_only_the_named_types_in_the_named_regions() {
    var script = new GoogleConsentMode(
            RegionDefault.parse(
                " US-CA , US-VA : analytics_storage ; BR: ad_storage, analytics_storage;"),
            500)
        .inlineScript();
    assertThat(script).contains("'analytics_storage':'granted','functionality_storage':'denied'");
    assertThat(script).contains("'region':['US-CA','US-VA']", "'region':['BR']");
  }

  @Test
  void bad_region_defaults_stop_start_up_naming_the_key_and_the_problem() {
    assertThatThrownBy(() -> RegionDefault.parse("usa: analytics_storage"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("consent.google.regions")
        .hasMessageContaining("\"usa\" is not an ISO 3166 code");
    assertThatThrownBy(() -> RegionDefault.parse("US: tracking"))
        .hasMessageContaining("\"tracking\" is not one of");
    assertThatThrownBy(() -> RegionDefault.parse("US analytics_storage"))
        .hasMessageContaining("needs REGIONS: TYPES");
    assertThatThrownBy(() -> RegionDefault.parse("US: security_storage"))
        .hasMessageContaining("is not one of");
  }
}
