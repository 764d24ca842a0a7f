package dev.byline.admin;

import dev.byline.wire.Rule;
import dev.byline.wire.Story;
import dev.byline.wire.StoryState;
import java.util.List;
import java.util.Map;

/**
 * The wire inbox page.
 *
 * @param filter what the list is filtered by, as the form shows it
 * @param counts stories per state, over all sources
 * @param rules each source's desk rules, by source name, for reference
 */
public record WireInboxView(
    AdminChrome chrome,
    Filter filter,
    List<String> sources,
    List<Story> stories,
    Map<StoryState, Integer> counts,
    int page,
    boolean hasNext,
    Map<String, List<Rule>> rules,
    Map<String, Boolean> autoPublish,
    String notice) {

  /** The filter form's values; empty means any. */
  public record Filter(String source, String state, String since, String q) {
    public String query(int page) {
      return "?source=" + enc(source) + "&state=" + enc(state) + "&since=" + enc(since) + "&q="
          + enc(q) + "&page=" + page;
    }

    private static String enc(String s) {
      return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  public static final List<String> STATES =
      List.of("new", "published", "scheduled", "draft", "ignored", "killed", "withheld");
  public static final List<String> SINCE = List.of("hour", "day", "week", "all");

  public String label(StoryState s) {
    return s.dbValue();
  }
}
