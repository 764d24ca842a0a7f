package dev.byline.site;

import dev.byline.live.LivePost;
import dev.byline.media.Image;
import java.util.Map;

/**
 * One live post as a feed item carries it: its blocks as plain HTML with every URL absolute,
 * embeds as links, no scripts (as {@link FeedTextView} does for a whole story).
 */
public record LivePostFeedView(LivePost post, Map<Long, Image> images, String baseUrl) {
  public LivePostFeedView {
    images = Map.copyOf(images);
  }

  public String absolute(String path) {
    return FeedTextView.absolute(baseUrl, path);
  }

  public String absoluteLinks(String html) {
    return FeedTextView.absoluteLinks(baseUrl, html);
  }
}
