package dev.byline.redirect;

import dev.byline.content.InvalidInput;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads redirects from a spreadsheet's CSV: one old address and one new address per line
 * ({@code old,new}), an optional header line, addresses as paths or as full URLs. New addresses
 * must be on this site. Every line is checked before anything is stored; the problems come back
 * together, each naming its line.
 *
 * <pre>{@code
 * /2019/05/ferry-fares/,/local/ferry-fares-rise
 * https://old.example/?p=812,/business/port-sale
 * }</pre>
 */
public final class RedirectCsv {
  /** More lines than any site's redirect list; bounds the memory one file can take. */
  public static final int MAX_LINES = 1_000_000;

  private RedirectCsv() {}

  /** Lines that could not be read, each with its line number and reason. */
  public static final class Problems extends Exception {
    private final List<String> lines;

    Problems(List<String> lines) {
      super(
          lines.size() + " line(s) could not be read: "
              + String.join("; ", lines.subList(0, Math.min(5, lines.size())))
              + (lines.size() > 5 ? "; …" : ""),
          null,
          false,
          false);
      this.lines = List.copyOf(lines);
    }

    public List<String> lines() {
      return lines;
    }
  }

  /**
   * @param siteUrl this site's public address; new addresses given as full URLs must be on it
   * @param origin what the rows are recorded as coming from (e.g. the file's name)
   */
  public static List<LegacyUrl> read(Reader in, String siteUrl, String origin)
      throws IOException, Problems {
    var out = new ArrayList<LegacyUrl>();
    var problems = new ArrayList<String>();
    var reader = new BufferedReader(in);
    int n = 0;
    for (String line; (line = reader.readLine()) != null; ) {
      n++;
      if (n > MAX_LINES)
        throw new Problems(List.of("the file has more than " + MAX_LINES + " lines"));
      if (n == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
      if (line.isBlank() || line.startsWith("#")) continue;
      var cells = cells(line);
      if (n == 1 && isHeader(cells)) continue;
      try {
        out.add(row(cells, siteUrl, origin));
      } catch (InvalidInput e) {
        problems.add("line " + n + ": " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) throw new Problems(problems);
    return out;
  }

  private static boolean isHeader(List<String> cells) {
    var first = cells.isEmpty() ? "" : cells.get(0).strip().toLowerCase(Locale.ROOT);
    return List.of("old", "from", "source", "old url", "old address", "path").contains(first);
  }

  private static LegacyUrl row(List<String> cells, String siteUrl, String origin) {
    if (cells.size() < 2)
      throw new InvalidInput("line", "needs two addresses, old and new, separated by a comma");
    var old = LegacyPath.of(cells.get(0).strip())
        .orElseThrow(() ->
            new InvalidInput("old address", "\"" + cells.get(0).strip() + "\" is not an address"));
    if (old.equals("/"))
      throw new InvalidInput("old address", "is the front page, which cannot be redirected");
    return LegacyUrl.toPath(old, local(cells.get(1).strip(), siteUrl), origin);
  }

  /** A new address as a path on this site. */
  private static String local(String address, String siteUrl) {
    if (address.startsWith("/") && !address.startsWith("//")) return address;
    try {
      var uri = URI.create(address);
      var site = URI.create(siteUrl);
      if (uri.getHost() != null && uri.getHost().equalsIgnoreCase(site.getHost())) {
        var path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
      }
    } catch (IllegalArgumentException e) {
      // falls through to the refusal below
    }
    throw new InvalidInput(
        "new address", "\"" + address + "\" is not a path or an address on " + siteUrl);
  }

  /** The cells of one CSV line (RFC 4180 quoting; a quoted cell may not span lines here). */
  static List<String> cells(String line) {
    var out = new ArrayList<String>();
    var cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',' || c == '\t') {
        out.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    out.add(cell.toString());
    return out;
  }
}
