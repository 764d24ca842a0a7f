package dev.byline.content;

/**
 * Input that cannot be stored. The field is named so forms can mark it and APIs can report it;
 * the reason is plain words ("is empty", "is longer than 300 characters").
 */
public class InvalidInput extends RuntimeException {
  private final String field;
  private final String reason;

  public InvalidInput(String field, String reason) {
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
