package dev.byline.auth;

/** Account input that cannot be taken. The field is named so forms can mark it. */
public final class AccountException extends RuntimeException {
  private final String field;
  private final String reason;

  public AccountException(String field, String reason) {
    super(field + " " + reason);
    this.field = field;
    this.reason = reason;
  }

  public String field() {
    return field;
  }

  public String reason() {
    return reason;
  }
}
