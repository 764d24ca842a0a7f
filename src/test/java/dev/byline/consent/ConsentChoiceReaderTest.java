package dev.byline.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byline.content.InvalidInput;
import dev.byline.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsentChoiceReaderTest {
  @TempDir
  Path dir;

  ConsentPolicy policy() {
    return ConsentPolicy.from(
        TestDatabases.sqlite(
            dir, Map.of("consent.ga4.id", "G-ABCDEF1234", "consent.revision", "2")),
        List.of());
  }

  static String json(String action, boolean analytics, boolean ga) {
    return "{\"consentId\":\"" + UUID.randomUUID() + "\",\"revision\":2,\"action\":\"" + action
        + "\",\"categories\":{"
        + "\"necessary\":true,\"preferences\":false,\"analytics\":" + analytics
        + ",\"media\":false},\"services\":{"
        + "\"site\":true,\"reader-preferences\":false,\"google-analytics\":" + ga
        + ",\"youtube\":false},\"language\":\"en\"}";
  }

  @Test
  void a_custom_choice_answering_every_category_and_service_is_read() {
    var choice = new ConsentChoiceReader(policy())
        .read(json("custom", true, true).getBytes(StandardCharsets.UTF_8));
    assertThat(choice.action()).isEqualTo(ConsentAction.CUSTOM);
    assertThat(choice.accepted(Category.ANALYTICS)).isTrue();
    assertThat(choice.accepted(Category.MEDIA)).isFalse();
    assertThat(choice.services())
        .containsEntry("google-analytics", true)
        .containsEntry("youtube", false);
  }

  @Test
  void a_category_on_with_its_service_off_is_a_valid_custom_choice_but_not_accept_all() {
    var reader = new ConsentChoiceReader(policy());
    assertThat(reader
            .read(json("custom", true, false).getBytes(StandardCharsets.UTF_8))
            .services())
        .containsEntry("google-analytics", false);
    assertThatThrownBy(
            () -> reader.read(json("accept-all", true, false).getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("accept-all but not everything is accepted");
    assertThatThrownBy(
            () -> reader.read(json("reject-all", true, false).getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("reject-all but something optional is accepted");
  }

  @Test
  void choices_that_do_not_answer_the_policy_are_refused_naming_the_field() {
    var reader = new ConsentChoiceReader(policy());
    var ok = json("custom", false, false);
    assertThatThrownBy(() ->
            reader.read(ok.replace(",\"media\":false}", "}").getBytes(StandardCharsets.UTF_8)))
        .hasMessage("categories does not answer \"media\"");
    assertThatThrownBy(() -> reader.read(
            ok.replace("\"youtube\":false", "\"youtube\":\"no\"").getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("services answer for \"youtube\" must be true or false");
    assertThatThrownBy(() -> reader.read(
            ok.replace("\"revision\":2", "\"revision\":\"2\"").getBytes(StandardCharsets.UTF_8)))
        .hasMessage("revision must be a whole number");
    assertThatThrownBy(() ->
            reader.read(ok.replace("\"media\":false", "\"" + "m".repeat(200) + "\":true")
                .getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("unknown category")
        .matches(e -> e.getMessage().length() < 120, "a short message");
    assertThatThrownBy(() -> reader.read(new byte[0])).hasMessage("body is empty");
    assertThatThrownBy(() -> reader.read(new byte[ConsentChoiceReader.MAX_BYTES + 1]))
        .hasMessageContaining("larger than");
    assertThatThrownBy(() -> reader.read("null".getBytes(StandardCharsets.UTF_8)))
        .hasMessage("body must be a JSON object");
  }

  @Test
  void an_older_revision_is_accepted_as_what_the_reader_saw_but_a_future_one_is_not() {
    var reader = new ConsentChoiceReader(policy());
    assertThat(reader
            .read(json("custom", false, false)
                .replace("\"revision\":2", "\"revision\":1")
                .getBytes(StandardCharsets.UTF_8))
            .revision())
        .isEqualTo(1);
    assertThatThrownBy(() -> reader.read(json("custom", false, false)
            .replace("\"revision\":2", "\"revision\":3")
            .getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("revision must be between 1 and the current policy revision 2");
  }
}
