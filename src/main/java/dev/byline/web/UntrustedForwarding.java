package dev.byline.web;

import io.javalin.http.Context;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices, once per start, a request carrying a proxy's {@code X-Forwarded-For} or {@code
 * Forwarded} header while {@code http.trust.forwarded} is off. Behind a proxy that means every
 * visitor shares the proxy's address: sign-in throttling then counts them all as one network, and
 * the audit log shows only the proxy. Not trusting the header is the safe default (anyone can send
 * it), so this only warns; the operator decides.
 */
public final class UntrustedForwarding {
  private static final Logger log = LoggerFactory.getLogger(UntrustedForwarding.class);

  private final boolean trusted;
  private final AtomicBoolean warned = new AtomicBoolean();

  /** @param trusted whether {@code http.trust.forwarded} is on (then nothing is said) */
  public UntrustedForwarding(boolean trusted) {
    this.trusted = trusted;
  }

  public void notice(Context ctx) {
    if (trusted || warned.get()) return;
    if (ctx.header(ClientAddress.FORWARDED_FOR) == null && ctx.header("Forwarded") == null) return;
    if (warned.compareAndSet(false, true)) {
      log.warn(
          "event=forwarded_header_ignored requests carry X-Forwarded-For or Forwarded but "
              + "http.trust.forwarded is false: every client is seen as {}, the proxy's address."
              + " Set http.trust.forwarded=true if (and only if) a reverse proxy you run sets"
              + " X-Forwarded-For. Said once.",
          ctx.ip());
    }
  }
}
