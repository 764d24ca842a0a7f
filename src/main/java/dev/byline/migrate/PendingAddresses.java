package dev.byline.migrate;

import java.util.ArrayList;
import java.util.List;

/**
 * An attachment's old addresses, kept in the ledger until its post is imported: its pages
 * (which will lead to the post) and its file (which will lead to the image), one per line as
 * "page /path" or "file /path".
 */
final class PendingAddresses {
  record Address(boolean file, String path) {}

  private PendingAddresses() {}

  static String write(List<String> pages, String file) {
    var lines = new ArrayList<String>();
    for (var p : pages) lines.add("page " + p);
    if (!file.isEmpty()) lines.add("file " + file);
    return String.join("\n", lines);
  }

  static List<Address> read(String text) {
    var out = new ArrayList<Address>();
    if (text == null || text.isBlank()) return out;
    for (var line : text.split("\n")) {
      if (line.startsWith("page ")) out.add(new Address(false, line.substring(5)));
      else if (line.startsWith("file ")) out.add(new Address(true, line.substring(5)));
    }
    return out;
  }
}
