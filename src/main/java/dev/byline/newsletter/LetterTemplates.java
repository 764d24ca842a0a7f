package dev.byline.newsletter;

/** Renders a letter's two parts; the site implements it with its templates. */
public interface LetterTemplates {
  /** The HTML and plain-text bodies of one mail. */
  record Rendered(String html, String text) {}

  Rendered render(LetterContent content);
}
