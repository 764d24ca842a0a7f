package dev.byline.analytics;

import dev.byline.content.InvalidInput;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a reader's browser reports about one page it showed. Built from untrusted input, so it
 * checks and normalises itself: the path loses its query and trailing slash, the referrer is
 * reduced to a host name without {@code www.}, the campaign is lower-cased.
 *
 * @param path the page's path, e.g. {@code /world/port-talks-resume}
 * @param referrerHost the host of another site the reader came from, or empty
 * @param campaign the {@code utm_source} of the link the reader followed, or empty
 */
public record Beacon(String path, String referrerHost, String campaign) {
  /** Longer than any page path the site makes; longer is not one of ours. */
  public static final int MAX_PATH = 512;
  /** The longest DNS name. */
  public static final int MAX_HOST = 253;
  /** Campaign names are short labels ("newsletter", "mastodon"). */
  public static final int MAX_CAMPAIGN = 64;

  private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~%!$&'()*+,;=:@/-]*");
  private static final Pattern HOST =
      Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");
  private static final Pattern CAMPAIGN = Pattern.compile("[\\p{L}\\p{N} ._+-]+");

  public Beacon {
    path = normalisePath(path);
    referrerHost = normaliseHost(referrerHost);
    campaign = normaliseCampaign(campaign);
  }

  private static String normalisePath(String path) {
    if (path == null || path.isEmpty()) throw new InvalidInput("path", "is empty");
    int cut = indexOfAny(path, '?', '#');
    if (cut >= 0) path = path.substring(0, cut);
    if (path.length() > MAX_PATH)
      throw new InvalidInput("path", "is longer than " + MAX_PATH + " characters");
    if (!PATH.matcher(path).matches())
      throw new InvalidInput("path", "must start with / and hold only URL path characters");
    while (path.length() > 1 && path.endsWith("/")) path = path.substring(0, path.length() - 1);
    return path;
  }

  private static String normaliseHost(String host) {
    if (host == null) return "";
    host = host.strip().toLowerCase(Locale.ROOT);
    int colon = host.lastIndexOf(':');
    if (colon > 0 && host.substring(colon + 1).chars().allMatch(Character::isDigit))
      host = host.substring(0, colon);
    if (host.endsWith(".")) host = host.substring(0, host.length() - 1);
    if (host.startsWith("www.")) host = host.substring(4);
    if (host.isEmpty()) return "";
    if (host.length() > MAX_HOST || !HOST.matcher(host).matches()) {
      throw new InvalidInput("referrer", "is not a host name");
    }
    return host;
  }

  private static String normaliseCampaign(String campaign) {
    if (campaign == null) return "";
    campaign = campaign.strip().toLowerCase(Locale.ROOT);
    if (campaign.isEmpty()) return "";
    if (campaign.length() > MAX_CAMPAIGN)
      throw new InvalidInput("campaign", "is longer than " + MAX_CAMPAIGN + " characters");
    if (!CAMPAIGN.matcher(campaign).matches())
      throw new InvalidInput("campaign", "may hold only letters, digits, spaces and . _ + -");
    return campaign;
  }

  private static int indexOfAny(String s, char a, char b) {
    for (int i = 0; i < s.length(); i++) if (s.charAt(i) == a || s.charAt(i) == b) return i;
    return -1;
  }
}
