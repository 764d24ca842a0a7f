package dev.byline.analytics;

import java.time.Duration;

/**
 * Keeps one reader, or one script at one address, from deciding what is "Most read". A view
 * that passed the bot filters is counted only when all three hold:
 *
 * <ul>
 *   <li>the same reader (visitor number) has had no view of the same page counted in the last
 *       {@link #READER_PAGE_WINDOW}: reloading a story is not reading it again;
 *   <li>its {@link AddressGroup} (an IPv4 address, an IPv6 /64) has had fewer than {@link
 *       #ADDRESS_PAGE_VIEWS_PER_HOUR} views of that page counted in the hour, whatever user
 *       agents it claims;
 *   <li>and fewer than {@link #ADDRESS_VIEWS_PER_MINUTE} views of any page counted in the minute.
 * </ul>
 *
 * A view over a limit is answered like any other (a script learns nothing) and not counted.
 * Only counted views use up a limit. Each limit's window starts at its key's first counted view.
 * Keys are the day's salted numbers, never addresses or paths, and at most {@link #MAX_KEYS} are
 * held per rule (the oldest windows go first), so memory stays bounded under any flood. The
 * limits are per node and start again when the day's salt is replaced at midnight.
 */
public final class ViewLimits {
  /** Reading a story takes minutes; a reader back after half an hour is reading it again. */
  public static final Duration READER_PAGE_WINDOW = Duration.ofMinutes(30);
  /** One a second: more than a household or a small office reads, far less than a script. */
  public static final int ADDRESS_VIEWS_PER_MINUTE = 60;
  /** Ten readers behind one address reading one story in an hour is a lot; 450 is a script. */
  public static final int ADDRESS_PAGE_VIEWS_PER_HOUR = 10;
  /** Keys held per rule: a few megabytes each at most. */
  public static final int MAX_KEYS = 100_000;

  /** Whether a view counts, and if not, which rule stopped it. */
  enum Verdict {
    COUNT,
    REPEAT,
    ADDRESS_LIMIT
  }

  private final WindowCounts readerPages = new WindowCounts(READER_PAGE_WINDOW, MAX_KEYS);
  private final WindowCounts addressMinute = new WindowCounts(Duration.ofMinutes(1), MAX_KEYS);
  private final WindowCounts addressPageHour = new WindowCounts(Duration.ofHours(1), MAX_KEYS);

  /**
   * Decides whether a view counts, and if it does, uses up its share of each limit.
   *
   * @param reader the reader's visitor number
   * @param address the day's number for the reader's address group
   * @param path the page's path as the beacon reported it
   */
  synchronized Verdict admit(long reader, long address, String path, long nowMillis) {
    long readerPage = mix(reader, path);
    long addressPage = mix(address, path);
    if (readerPages.count(readerPage, nowMillis) > 0) return Verdict.REPEAT;
    if (addressPageHour.count(addressPage, nowMillis) >= ADDRESS_PAGE_VIEWS_PER_HOUR
        || addressMinute.count(address, nowMillis) >= ADDRESS_VIEWS_PER_MINUTE)
      return Verdict.ADDRESS_LIMIT;
    readerPages.add(readerPage, nowMillis);
    addressPageHour.add(addressPage, nowMillis);
    addressMinute.add(address, nowMillis);
    return Verdict.COUNT;
  }

  /** Keys held now, over the three rules: for tests that prove memory stays bounded. */
  synchronized int keys() {
    return readerPages.size() + addressMinute.size() + addressPageHour.size();
  }

  /** A key for a number and a page: the golden-ratio multiplier spreads one into the other. */
  private static long mix(long number, String path) {
    return number * 0x9E3779B97F4A7C15L + path.hashCode();
  }
}
