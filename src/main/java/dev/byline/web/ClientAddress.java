package dev.byline.web;

import io.javalin.http.Context;

/**
 * The one rule for a client's address: the connection's, unless a trusted reverse proxy reports
 * it in a header, whose last entry (the one that proxy added) is then taken. Trust a header only
 * behind a proxy that sets it; otherwise anyone could pick their address. Sign-in throttling, the
 * audit log, consent records, wire push logs and visitor counts all take the address from here.
 *
 * <pre>{@code
 * var address = ClientAddress.trustingForwarded(config.boolSetting("http.trust.forwarded", false));
 * address.remember(ctx);            // once, before the handlers
 * String ip = ClientAddress.of(ctx); // in any handler
 * }</pre>
 *
 * @param trustedHeader the header the proxy sets (e.g. {@code X-Forwarded-For}), or empty to use
 *     the connection's address only
 */
public record ClientAddress(String trustedHeader) {
  public static final String FORWARDED_FOR = "X-Forwarded-For";
  /** The connection's address only. */
  public static final ClientAddress CONNECTION = new ClientAddress("");
  /** Longer than any IPv6 address with a zone; a longer entry is not an address. */
  static final int MAX_LENGTH = 64;

  private static final String ATTRIBUTE = "byline.client-address";

  public ClientAddress {
    trustedHeader = trustedHeader == null ? "" : trustedHeader.strip();
  }

  /** What {@code http.trust.forwarded} asks for: the last {@code X-Forwarded-For} entry, or not. */
  public static ClientAddress trustingForwarded(boolean trust) {
    return trust ? new ClientAddress(FORWARDED_FOR) : CONNECTION;
  }

  /**
   * @param headerValue the trusted header as received, or null
   * @param connection the connection's address, or null
   * @return the header's last entry when a header is trusted and that entry is a plausible
   *     address, else the connection's address; never null
   */
  public String resolve(String headerValue, String connection) {
    if (!trustedHeader.isEmpty() && headerValue != null && !headerValue.isBlank()) {
      var last = headerValue.substring(headerValue.lastIndexOf(',') + 1).strip();
      if (!last.isEmpty() && last.length() <= MAX_LENGTH) return last;
    }
    return connection == null ? "" : connection;
  }

  /** This request's address by this rule. */
  public String resolve(Context ctx) {
    return resolve(trustedHeader.isEmpty() ? null : ctx.header(trustedHeader), ctx.ip());
  }

  /** Resolves the request's address once, for {@link #of} in every later handler. */
  public void remember(Context ctx) {
    ctx.attribute(ATTRIBUTE, resolve(ctx));
  }

  /** The address remembered for this request, or the connection's when none was. */
  public static String of(Context ctx) {
    String remembered = ctx.attribute(ATTRIBUTE);
    return remembered != null ? remembered : CONNECTION.resolve(ctx);
  }
}
