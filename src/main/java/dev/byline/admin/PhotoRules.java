package dev.byline.admin;

import dev.byline.auth.Role;
import dev.byline.auth.User;
import dev.byline.media.Image;
import java.util.List;
import java.util.Optional;

/**
 * Who may change a photo's caption, credit and alt text: the rules of the articles applied to
 * the pictures they show. Editors and admins may change any photo. A writer may change only a
 * photo they uploaded themselves, and only while no story or page readers see (published or
 * scheduled) shows it: what readers see changes only through an editor. Wire and imported
 * pictures, and those uploaded before uploaders were recorded, have no uploader, so only editors
 * change them.
 */
final class PhotoRules {
  private PhotoRules() {}

  /**
   * Why {@code user} may not change the words of {@code photo}, in words they can act on; empty
   * when they may.
   *
   * @param shownOn headlines of the published or scheduled stories, and titles of the published
   *     pages, that show the photo
   */
  static Optional<String> refusal(User user, Image photo, List<String> shownOn) {
    if (user.can(Role.EDITOR)) return Optional.empty();
    if (photo.uploadedBy() == null)
      return Optional.of("Only an editor can change the caption, credit or alt text of photo "
          + photo.id() + ": it came from the wire or an import, or was uploaded before uploaders "
          + "were recorded.");
    if (photo.uploadedBy() != user.id())
      return Optional.of("Only an editor can change the caption, credit or alt text of photo "
          + photo.id() + ": someone else uploaded it.");
    if (!shownOn.isEmpty())
      return Optional.of("Only an editor can change the caption, credit or alt text of photo "
          + photo.id() + " now: readers see it on " + stories(shownOn) + ".");
    return Optional.empty();
  }

  /** "“A”", "“A” and “B”", "“A” and 2 more stories". */
  static String stories(List<String> headlines) {
    var first = "“" + headlines.get(0) + "”";
    return switch (headlines.size()) {
      case 1 -> first;
      case 2 -> first + " and “" + headlines.get(1) + "”";
      default -> first + " and " + (headlines.size() - 1) + " more stories";
    };
  }
}
