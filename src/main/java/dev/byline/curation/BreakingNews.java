package dev.byline.curation;

import dev.byline.content.Text;
import java.time.Instant;

/**
 * The banner every page shows while it is up: a line of text and where it leads.
 *
 * @param url an address on this site or http(s); empty for no link
 * @param expiresAt when it comes down by itself
 */
public record BreakingNews(long id, String text, String url, Instant raisedAt, Instant expiresAt) {
  public static final int MAX_TEXT = 200;

  public BreakingNews {
    text = Text.required("text", text, MAX_TEXT);
    url = url == null ? "" : url;
  }
}
