package dev.byline.analytics;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Which addresses count as one sender for the beacon's limits: an IPv4 address alone, an IPv6
 * address with the rest of its /64. One subscriber line or cloud machine gets a whole /64 and
 * can pick any address in it, so a script could otherwise rotate through millions.
 */
final class AddressGroup {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f:.]+(%[A-Za-z0-9]+)?]?");

  private AddressGroup() {}

  /**
   * {@code 192.0.2.7} for {@code 192.0.2.7}; {@code 2001:db8:1:2::/64} for any address in that
   * /64; an IPv4-mapped IPv6 address as its IPv4 address; anything that is not an address
   * literal as it is.
   */
  static String of(String address) {
    var a = address.strip();
    if (IPV4.matcher(a).matches() || !a.contains(":") || !IPV6.matcher(a).matches()) return a;
    byte[] b;
    try {
      // Only literals reach InetAddress, so this never resolves a name.
      b = InetAddress.getByName(a.replace("[", "").replace("]", "").replaceFirst("%.*$", ""))
          .getAddress();
    } catch (UnknownHostException e) {
      return a;
    }
    // Java reads an IPv4-mapped address (::ffff:192.0.2.7) as the IPv4 address itself.
    if (b.length == 4)
      return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
    return String.format("%x:%x:%x:%x::/64", group(b, 0), group(b, 2), group(b, 4), group(b, 6));
  }

  private static int group(byte[] b, int i) {
    return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
  }
}
