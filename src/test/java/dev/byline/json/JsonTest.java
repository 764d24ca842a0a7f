package dev.byline.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.byline.wire.WireFormats;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void nesting_deeper_than_the_limit_is_refused() throws Exception {
    var ok = "[".repeat(Json.MAX_NESTING_DEPTH) + "]".repeat(Json.MAX_NESTING_DEPTH);
    assertThat(Json.MAPPER.readTree(ok).isArray()).isTrue();
    var deep = "[".repeat(Json.MAX_NESTING_DEPTH + 1) + "]".repeat(Json.MAX_NESTING_DEPTH + 1);
    assertThatThrownBy(() -> Json.MAPPER.readTree(deep))
        .isInstanceOf(StreamConstraintsException.class);
  }

  @Test
  void a_string_as_long_as_the_largest_wire_file_is_read() {
    assertThat(Json.MAX_STRING_LENGTH).isGreaterThanOrEqualTo(WireFormats.DEFAULT_MAX_BYTES);
  }

  @Test
  void the_strict_reader_refuses_a_field_given_twice_where_the_mapper_takes_the_last()
      throws Exception {
    var twice = "{\"action\":\"accept\",\"action\":\"reject\"}";
    assertThat(Json.MAPPER.readTree(twice).get("action").asText()).isEqualTo("reject");
    assertThatThrownBy(() -> Json.STRICT.readTree(twice))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("Duplicate field 'action'");
  }
}
