package dev.byline.web;

/** Turns an error into a page; the web server falls back to plain text if this throws. */
@FunctionalInterface
public interface ErrorRenderer {
  byte[] render(int status, String title, String message);
}
