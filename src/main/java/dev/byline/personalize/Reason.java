package dev.byline.personalize;

/**
 * Why a story was picked: the reader read a story (its headline) or follows a topic (its name).
 * The words around it belong to the page that shows it, in the site's language.
 */
public record Reason(Kind kind, String subject) {
  public enum Kind {
    READ,
    FOLLOW
  }

  /** In English, e.g. "Because you follow Norreland". */
  public String english() {
    return kind == Kind.READ
        ? "Because you read “" + subject + "”"
        : "Because you follow " + subject;
  }
}
