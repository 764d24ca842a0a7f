package dev.byline.newsletter;

/**
 * A message the SMTP server did not take.
 *
 * @param permanent the server refused the recipient with a 5xx reply: the address is suppressed
 * @param reply the SMTP reply code, 0 when there was no reply (no connection, a timeout)
 */
final class MailFailure extends Exception {
  private final boolean permanent;
  private final int reply;

  MailFailure(boolean permanent, int reply, String message, Throwable cause) {
    super(message, cause);
    this.permanent = permanent;
    this.reply = reply;
  }

  boolean permanent() {
    return permanent;
  }

  int reply() {
    return reply;
  }

  /** No reply at all: the server is down or unreachable, so every message would fail now. */
  boolean unreachable() {
    return reply == 0;
  }
}
