package dev.byline.consent;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Truncates a client address before it is stored: IPv4 to its /24 network, IPv6 to its /48, so
 * a record shows roughly where a choice came from without identifying the reader's machine.
 */
public final class IpPrefix {
  public static final String UNKNOWN = "unknown";
  private static final Pattern IPV4 =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f:.]+(%[A-Za-z0-9]+)?]?");

  private IpPrefix() {}

  public static String of(String address) {
    if (address == null) return UNKNOWN;
    var a = address.strip();
    var v4 = IPV4.matcher(a);
    if (v4.matches()) {
      for (int i = 1; i <= 4; i++) if (Integer.parseInt(v4.group(i)) > 255) return UNKNOWN;
      return v4.group(1) + "." + v4.group(2) + "." + v4.group(3) + ".0/24";
    }
    // Only literals reach InetAddress, so this never resolves a name.
    if (!a.contains(":") || !IPV6.matcher(a).matches()) return UNKNOWN;
    try {
      var bytes = InetAddress.getByName(
              a.replace("[", "").replace("]", "").replaceFirst("%.*$", ""))
          .getAddress();
      if (bytes.length == 4) return of(InetAddress.getByAddress(bytes).getHostAddress());
      if (isMappedV4(bytes))
        return of((bytes[12] & 0xff) + "." + (bytes[13] & 0xff) + "." + (bytes[14] & 0xff) + "."
            + (bytes[15] & 0xff));
      return String.format("%x:%x:%x::/48", group(bytes, 0), group(bytes, 2), group(bytes, 4));
    } catch (UnknownHostException e) {
      return UNKNOWN;
    }
  }

  private static boolean isMappedV4(byte[] b) {
    for (int i = 0; i < 10; i++) if (b[i] != 0) return false;
    return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
  }

  private static int group(byte[] b, int i) {
    return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
  }
}
