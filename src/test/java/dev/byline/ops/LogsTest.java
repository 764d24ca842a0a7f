package dev.byline.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.testing.TestDatabases;
import dev.byline.testing.TestSite;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** log.format=json and log.access=true, read from what the process writes to standard error. */
class LogsTest {
  @TempDir
  Path dir;

  @Test
  void json_format_writes_one_parseable_object_per_line_with_the_message() throws Exception {
    var context = (LoggerContext) LoggerFactory.getILoggerFactory();
    var err = capture();
    try {
      LogFormat.apply(TestDatabases.sqlite(dir, Map.of("log.format", "json")));
      LoggerFactory.getLogger("byline.test").info("event=probe value={}", 42);
    } finally {
      restore(context);
    }
    var line = err.toString(StandardCharsets.UTF_8)
        .lines()
        .filter(l -> l.contains("event=probe"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no log line in: " + err));
    var json = new ObjectMapper().readTree(line);
    assertThat(json.path("level").asText()).isEqualTo("INFO");
    assertThat(json.path("loggerName").asText()).isEqualTo("byline.test");
    assertThat(json.path("formattedMessage").asText()).isEqualTo("event=probe value=42");
  }

  @Test
  void text_format_is_one_timestamped_line_per_event_and_libraries_log_warnings_only() {
    var context = (LoggerContext) LoggerFactory.getILoggerFactory();
    var err = capture();
    try {
      context.reset();
      new LogSetup().configure(context);
      LoggerFactory.getLogger("byline.test").info("event=probe value={}", 42);
      LoggerFactory.getLogger("org.eclipse.jetty.server.Server").info("event=chatter");
    } finally {
      restore(context);
    }
    var text = err.toString(StandardCharsets.UTF_8);
    assertThat(text.lines().filter(l -> l.contains("event=probe")))
        .singleElement()
        .satisfies(
            l -> assertThat(l)
                .matches(
                    "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z INFO  test event=probe value=42"));
    assertThat(text).doesNotContain("event=chatter");
  }

  @Test
  void an_unknown_log_format_is_a_clear_configuration_error() {
    var config = TestDatabases.sqlite(dir, Map.of("log.format", "xml"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LogFormat.apply(config))
        .hasMessageContaining("log.format")
        .hasMessageContaining("text or json");
  }

  @Test
  void access_log_names_route_template_and_status_for_routed_and_cached_requests() {
    var context = (LoggerContext) LoggerFactory.getILoggerFactory();
    var err = capture();
    try (var site = TestSite.start(dir, Map.of("log.access", "true"))) {
      site.get("/healthz?token=secret");
      site.get("/no/such/page/here");
      site.rawStatus("/no-such/page\"x%0Aevent=forged");
      site.get("/");
      site.get("/"); // the second is answered from memory
    } finally {
      restore(context);
    }
    var lines = err.toString(StandardCharsets.UTF_8)
        .lines()
        .filter(l -> l.contains("event=request"))
        .toList();
    assertThat(lines)
        .anyMatch(l -> l.contains("path=\"/healthz\"") && l.contains("status=200"))
        .anyMatch(l -> l.contains("route=\"page-cache\"") && l.contains("path=\"/\""))
        .anyMatch(l -> l.contains("route=\"unmatched\"") && l.contains("status=404"))
        .noneMatch(l -> l.contains("secret"))
        .noneMatch(l -> l.contains("page\"x"))
        .noneMatch(l -> l.startsWith("event=forged"));
  }

  private PrintStream originalErr;

  private ByteArrayOutputStream capture() {
    originalErr = System.err;
    var err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    return err;
  }

  /** Puts logging back as {@link LogSetup} has it, for the tests that run after. */
  private void restore(LoggerContext context) {
    System.setErr(originalErr);
    context.reset();
    try {
      new ContextInitializer(context).autoConfig();
    } catch (Exception e) {
      throw new AssertionError("could not reset logging", e);
    }
  }
}
