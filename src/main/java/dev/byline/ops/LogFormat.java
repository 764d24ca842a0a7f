package dev.byline.ops;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import dev.byline.config.Config;
import dev.byline.config.ConfigException;
import org.slf4j.LoggerFactory;

/**
 * {@code log.format}: {@code text} (one key=value line per event, the default) or {@code json}
 * (one JSON object per line, for collectors that parse JSON). Switched once at start-up on the
 * console appender that {@link LogSetup} defines.
 */
public final class LogFormat {
  /** The console appender's name, set by {@link LogSetup}. */
  static final String APPENDER = "OUT";

  private LogFormat() {}

  public static void apply(Config config) {
    var format = config.setting("log.format", "text");
    switch (format) {
      case "text" -> {}
      case "json" -> json();
      default -> throw new ConfigException("log.format", "must be text or json, not " + format);
    }
  }

  private static void json() {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) return;
    var root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    if (!(root.getAppender(APPENDER) instanceof OutputStreamAppender<ILoggingEvent> out)) return;
    var encoder = new JsonEncoder();
    encoder.setContext(context);
    // The formatted message is the key=value line people grep; the raw template and arguments
    // would double every line.
    encoder.setWithMessage(false);
    encoder.setWithArguments(false);
    encoder.setWithFormattedMessage(true);
    encoder.setWithSequenceNumber(false);
    encoder.setWithNanoseconds(false);
    encoder.setWithContext(false);
    encoder.start();
    out.stop();
    out.setEncoder(encoder);
    out.start();
  }
}
