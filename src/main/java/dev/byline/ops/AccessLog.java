package dev.byline.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request when {@code log.access=true}: method, path (never the query string, which
 * can carry search terms or tokens), route template, status, time and client address.
 */
public final class AccessLog {
  /** Its own logger name, so operators can route or silence it in their own logback configuration. */
  public static final String LOGGER = "byline.access";

  private static final Logger log = LoggerFactory.getLogger(LOGGER);
  private final boolean enabled;

  public AccessLog(boolean enabled) {
    this.enabled = enabled;
  }

  public boolean enabled() {
    return enabled;
  }

  void request(String method, String path, String route, int status, long nanos, String ip) {
    if (!enabled) return;
    log.info(
        "event=request method={} path=\"{}\" route=\"{}\" status={} ms={} ip={}",
        method,
        clean(path),
        route,
        status,
        String.format(java.util.Locale.ROOT, "%.2f", nanos / 1e6),
        ip);
  }

  /** A decoded path can hold quotes and line breaks: never let it forge a log line or field. */
  static String clean(String path) {
    var out = new StringBuilder(path.length());
    for (int i = 0; i < path.length() && i < 512; i++) {
      char c = path.charAt(i);
      out.append(c < 0x20 || c == 0x7f || c == '"' || c == '\\' ? '?' : c);
    }
    return out.toString();
  }
}
