package dev.byline.personalize;

import dev.byline.content.InvalidInput;
import dev.byline.content.Slugs;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What a reader's browser sends to ask for recommendations: nothing but article ids and topic
 * slugs. Checks itself; duplicates are dropped, first occurrence kept.
 *
 * @param read ids of articles the reader read, most recent first
 * @param follow slugs of topics the reader follows
 */
public record ReaderSignals(List<Long> read, List<String> follow) {
  /** A browser keeps at most this many reads; more is not a browser of ours. */
  public static final int MAX_READ = 50;
  /** Following more topics than this is following everything. */
  public static final int MAX_FOLLOW = 50;

  public ReaderSignals {
    read = List.copyOf(new LinkedHashSet<>(read == null ? List.of() : read));
    follow = List.copyOf(new LinkedHashSet<>(follow == null ? List.of() : follow));
    if (read.size() > MAX_READ)
      throw new InvalidInput("read", "holds more than " + MAX_READ + " articles");
    if (follow.size() > MAX_FOLLOW)
      throw new InvalidInput("follow", "holds more than " + MAX_FOLLOW + " topics");
    for (var id : read)
      if (id == null || id <= 0)
        throw new InvalidInput("read", "must hold article ids (whole numbers above 0)");
    var bad = new ArrayList<String>();
    for (var slug : follow) if (!Slugs.isValid(slug)) bad.add(String.valueOf(slug));
    if (!bad.isEmpty())
      throw new InvalidInput("follow", "must hold topic slugs; \"" + bad.get(0) + "\" is not one");
  }

  public boolean isEmpty() {
    return read.isEmpty() && follow.isEmpty();
  }
}
