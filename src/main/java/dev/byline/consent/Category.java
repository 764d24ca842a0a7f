package dev.byline.consent;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A purpose a reader says yes or no to. The ids are the browser contract
 * ({@code window.bylineConsent.allowed(id)}) and are stored in records, so they never change.
 *
 * <p>Room for IAB TCF v2.2: {@link #tcfPurposes()} names the TCF purposes a category would map to
 * when a certified CMP is integrated; nothing reads it yet.
 */
public enum Category {
  NECESSARY(
      "necessary",
      "Strictly necessary",
      "Needed for the site to work and to remember your cookie choices.",
      List.of()),
  PREFERENCES(
      "preferences",
      "Preferences",
      "Remember choices you make on this site, such as the topics you follow.",
      List.of(1, 5, 6)),
  ANALYTICS(
      "analytics",
      "Analytics",
      "Count visits and see how pages are used, so we can improve the site.",
      List.of(1, 8, 9, 10)),
  ADVERTISING(
      "advertising",
      "Advertising",
      "Show ads that pay for our journalism. Without personalised advertising, ads are chosen from the page you read, not from a profile of you.",
      List.of(1, 2, 7, 9, 10)),
  PERSONALISED_ADVERTISING(
      "personalised-advertising",
      "Personalised advertising",
      "Let the advertising provider use cookies and identifiers to build a profile of your interests and choose ads from it.",
      List.of(3, 4)),
  MEDIA(
      "media",
      "Videos and other media",
      "Play videos and other content hosted by other companies, such as YouTube, directly in our pages.",
      List.of(1));

  private final String id;
  private final String title;
  private final String description;
  private final List<Integer> tcfPurposes;

  Category(String id, String title, String description, List<Integer> tcfPurposes) {
    this.id = id;
    this.title = title;
    this.description = description;
    this.tcfPurposes = tcfPurposes;
  }

  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  /** IAB TCF v2.2 purpose numbers this category corresponds to (design only, for a later CMP integration). */
  public List<Integer> tcfPurposes() {
    return tcfPurposes;
  }

  public boolean optional() {
    return this != NECESSARY;
  }

  public static Optional<Category> byId(String id) {
    return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
  }
}
