package dev.byline.newsletter;

import dev.byline.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Words a reader was shown when they asked, confirmed or left, in the language they were shown
 * in: what a consent proof stores, so an answer to a data-protection request can quote them.
 * Like the cookie banner's records, the language is kept beside the proof; unlike them, the text
 * itself is kept too, since a bundle may be edited later.
 *
 * <pre>{@code
 * var w = Wording.of(t, Wording.SIGN_UP);   // the form's consent line in the site language
 * w.version();                               // "newsletter-2026-12.de.3f2a9c1be07d"
 * Wording.find(w.version(), Wording.SIGN_UP); // the same words again, from the version alone
 * }</pre>
 *
 * @param language the bundle's language, e.g. {@code de}
 * @param text the words exactly as shown, the parts of a page joined by a line break
 */
public record Wording(String language, String text) {
  /**
   * Names this generation of the newsletter's consent words. The version adds the language and
   * a hash of the text, so another language or an edited bundle is a new version by itself;
   * change this only to mark a change of meaning.
   */
  public static final String REVISION = "newsletter-2026-12";

  /** The sign-up form's consent line, shown above its button. */
  public static final List<String> SIGN_UP = List.of("newsletter.wording");

  /** The confirmation page: its sentence and the label of the button the reader pressed. */
  public static final List<String> CONFIRM =
      List.of("newsletter.confirm.text", "newsletter.confirm.button");

  /** What leaving records; the one-click unsubscribe of a mail provider shows no page at all. */
  public static final List<String> UNSUBSCRIBE = List.of("newsletter.proof.unsubscribed");

  /** Hex digits of the text's SHA-256 kept in the version: enough to tell any two texts apart. */
  static final int HASH_DIGITS = 12;

  public Wording {
    if (language == null || language.isBlank()) throw new IllegalArgumentException("no language");
    if (text == null || text.isBlank()) throw new IllegalArgumentException("no text");
  }

  /** The words {@code keys} say in {@code t}'s language, joined by a line break. */
  public static Wording of(Messages t, List<String> keys) {
    var parts = new ArrayList<String>();
    for (var key : keys) parts.add(t.text(key));
    return new Wording(t.language(), String.join("\n", parts));
  }

  /**
   * The wording that {@code version} names among the shipped languages' {@code keys}, as the
   * bundles say it now; empty for a version of older words or none at all.
   */
  public static Optional<Wording> find(String version, List<String> keys) {
    if (version == null || version.isEmpty() || version.length() > 100) return Optional.empty();
    for (var language : Messages.SHIPPED) {
      var w = of(Messages.of(Locale.forLanguageTag(language)), keys);
      if (w.version().equals(version)) return Optional.of(w);
    }
    return Optional.empty();
  }

  /** {@link #REVISION}, the language and the start of the text's SHA-256. */
  public String version() {
    return REVISION + "." + language + "." + Hashes.sha256(text).substring(0, HASH_DIGITS);
  }
}
