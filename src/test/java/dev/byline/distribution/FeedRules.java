package dev.byline.distribution;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The W3C Feed Validator's rules that Byline's feeds must keep, written down so a test can hold
 * them: RFC 822 and RFC 3339 dates, {@code tag:} URIs, language codes, required elements, elements
 * that may appear once, and pairs of elements that mean the same thing. {@link
 * FeedRulesAgreeWithFeedValidatorTest} checks each rule against the Validator's own test cases,
 * so a rule here says what the Validator says.
 *
 * <p>Problems come back as the Validator names them, e.g. {@code MissingElement{parent:entry,element:id}}.
 */
final class FeedRules {
  enum Verdict {
    VALID,
    PROBLEMATIC,
    INVALID
  }

  static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final Map<String, String> PREFIXES = Map.of(
      ATOM,
      "atom",
      "http://purl.org/dc/elements/1.1/",
      "dc",
      "http://purl.org/rss/1.0/modules/content/",
      "content",
      "http://search.yahoo.com/mrss/",
      "media",
      "http://purl.org/dc/terms/",
      "dcterms");

  private static final String MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec";
  private static final String ZONES = "UT|GMT|Z|EST|EDT|CST|CDT|MST|MDT|PST|PDT";
  private static final Pattern RFC_822 =
      Pattern.compile("(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\\d{1,2}) (" + MONTHS
          + ") (\\d{4}) (\\d{2}):(\\d{2})(?::(\\d{2}))? ([+-]\\d{4}|" + ZONES + ")");
  private static final Pattern RFC_822_LOOSE =
      Pattern.compile("(?i)(?:(mon|tue|wed|thu|fri|sat|sun)\\s*,\\s*)?(\\d{1,2})\\s+(" + MONTHS
          + ")\\s+(\\d{2}|\\d{4})\\s+(\\d{2}):(\\d{2})(?::(\\d{2}))?\\s*([+-]\\d{4}|" + ZONES
          + "|[a-ik-z])?");
  private static final Pattern RFC_3339 = Pattern.compile(
      "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)?(Z|[+-](\\d{2}):(\\d{2}))");
  private static final Pattern TAG = Pattern.compile(
      "tag:(?:[a-z0-9._-]+@)?([a-z0-9.-]+),(\\d{4}(?:-\\d{2}(?:-\\d{2})?)?):[0-9A-Za-z;/?:@&=+$.\\-_!~*'()%,]*(?:#[0-9A-Za-z;/?:@&=+$.\\-_!~*'()%,]*)?");
  private static final Pattern LANGUAGE = Pattern.compile("(?i)[a-z]{2,3}(?:-[a-z0-9]{2,8})*");

  /** Elements a parent must have (Atom's entry author is checked on its own: the feed may give it). */
  private static final Map<String, List<String>> REQUIRED = Map.of(
      "channel", List.of("title", "link", "description"),
      "image", List.of("url", "title", "link"),
      "feed", List.of("id", "title", "updated"),
      "entry", List.of("id", "title", "updated"),
      "author", List.of("name"),
      "contributor", List.of("name"));
  /** Elements that may appear at most once in their parent. */
  private static final Map<String, Set<String>> ONCE = Map.of(
      "channel",
          Set.of(
              "title",
              "link",
              "description",
              "language",
              "lastBuildDate",
              "pubDate",
              "generator",
              "ttl",
              "image"),
      "item",
          Set.of(
              "title",
              "link",
              "description",
              "pubDate",
              "guid",
              "author",
              "source",
              "comments",
              "content:encoded",
              "atom:updated"),
      "image", Set.of("url", "title", "link", "width", "height", "description"),
      "feed", Set.of("id", "title", "updated", "subtitle", "icon", "logo", "generator", "rights"),
      "entry",
          Set.of("id", "title", "updated", "published", "summary", "content", "rights", "source"),
      "author", Set.of("name", "uri", "email"),
      "contributor", Set.of("name", "uri", "email"));
  /** RSS elements and the extension elements that repeat their meaning. */
  private static final List<String[]> SAME_MEANING = List.of(
      new String[] {"item", "author", "dc:creator"},
      new String[] {"item", "category", "dc:subject"},
      new String[] {"item", "guid", "atom:id"},
      new String[] {"item", "pubDate", "atom:published"},
      new String[] {"item", "pubDate", "dc:date"},
      new String[] {"channel", "lastBuildDate", "dcterms:modified"},
      new String[] {"channel", "pubDate", "dc:date"},
      new String[] {"channel", "managingEditor", "dc:creator"},
      new String[] {"channel", "language", "dc:language"});

  private FeedRules() {}

  static Verdict rfc822(String raw) {
    var s = raw.strip();
    var m = RFC_822.matcher(s);
    if (m.matches()) {
      if (!realDate(m, Integer.parseInt(m.group(4)))) return Verdict.INVALID;
      var zone = m.group(8);
      if (zone.length() == 5 && !Set.of("00", "30", "45").contains(zone.substring(3)))
        return Verdict.PROBLEMATIC;
      return Verdict.VALID;
    }
    var loose = RFC_822_LOOSE.matcher(stripComments(s).replaceAll("\\s+", " ").strip());
    if (!loose.matches()) return Verdict.INVALID;
    int year = Integer.parseInt(loose.group(4));
    if (loose.group(4).length() == 2) year += year < 50 ? 2000 : 1900;
    return realDate(loose, year) ? Verdict.PROBLEMATIC : Verdict.INVALID;
  }

  private static boolean realDate(Matcher m, int year) {
    try {
      var month = java.time.Month.valueOf(monthName(m.group(3)));
      var date = LocalDate.of(year, month, Integer.parseInt(m.group(2)));
      LocalDateTime.of(
          date,
          java.time.LocalTime.of(
              Integer.parseInt(m.group(5)),
              Integer.parseInt(m.group(6)),
              m.group(7) == null ? 0 : Integer.parseInt(m.group(7))));
      if (m.group(1) != null) {
        var day = date.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        if (!day.equalsIgnoreCase(m.group(1))) return false;
      }
      return true;
    } catch (DateTimeException | IllegalArgumentException e) {
      return false;
    }
  }

  private static String monthName(String abbrev) {
    for (var mo : java.time.Month.values()) {
      if (mo.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equalsIgnoreCase(abbrev))
        return mo.name();
    }
    throw new IllegalArgumentException(abbrev);
  }

  /** RFC 822 comments: parenthesised, nested, with backslash escapes; each becomes a space. */
  private static String stripComments(String s) {
    var b = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (depth > 0 && c == '\\') {
        i++;
      } else if (c == '(') {
        if (depth++ == 0) b.append(' ');
      } else if (c == ')' && depth > 0) {
        depth--;
      } else if (depth == 0) {
        b.append(c);
      }
    }
    return b.toString();
  }

  static boolean rfc3339(String raw) {
    var m = RFC_3339.matcher(raw);
    if (!m.matches()) return false;
    try {
      LocalDateTime.of(
          Integer.parseInt(m.group(1)),
          Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3)),
          Integer.parseInt(m.group(4)),
          Integer.parseInt(m.group(5)),
          Integer.parseInt(m.group(6)));
    } catch (DateTimeException e) {
      return false;
    }
    return m.group(9) == null
        || (Integer.parseInt(m.group(9)) < 24 && Integer.parseInt(m.group(10)) < 60);
  }

  static boolean tag(String raw) {
    var m = TAG.matcher(raw);
    if (!m.matches()) return false;
    var date = m.group(2);
    try {
      var parts = date.split("-");
      int month = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
      int day = parts.length > 2 ? Integer.parseInt(parts[2]) : 1;
      LocalDate.of(Integer.parseInt(parts[0]), month, day);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  static boolean language(String raw) {
    return LANGUAGE.matcher(raw).matches() && !raw.equalsIgnoreCase("english");
  }

  /** An absolute http(s) URI with nothing a URI may not hold. */
  static boolean fullHttpUri(String raw) {
    try {
      var u = new URI(raw);
      return u.isAbsolute()
          && (u.getScheme().equals("http") || u.getScheme().equals("https"))
          && u.getHost() != null;
    } catch (Exception e) {
      return false;
    }
  }

  /** True when {@link #structure} has a rule for this MissingElement or DuplicateElement problem. */
  static boolean coversElement(String problem) {
    var m = Pattern.compile("(\\w+)\\{parent:([^,]+),element:([^}]+)\\}").matcher(problem);
    if (!m.matches()) return false;
    var table = m.group(1).equals("MissingElement")
        ? REQUIRED.getOrDefault(m.group(2), List.of())
        : List.copyOf(ONCE.getOrDefault(m.group(2), Set.of()));
    return table.contains(m.group(3))
        || (m.group(1).equals("MissingElement") && problem.contains("entry,element:author"));
  }

  static boolean coversMeaning(String problem) {
    return SAME_MEANING.stream()
        .anyMatch(p -> problem.endsWith("{core:" + p[1] + ",ext:" + p[2] + "}"));
  }

  static Document parse(byte[] xml) throws Exception {
    var f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setExpandEntityReferences(false);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  /** The structural problems of an RSS 2.0 or Atom 1.0 document, in the Validator's words. */
  static List<String> structure(Document doc) {
    var problems = new ArrayList<String>();
    walk(doc.getDocumentElement(), problems);
    var root = doc.getDocumentElement();
    if (ATOM.equals(root.getNamespaceURI()) && root.getLocalName().equals("feed")) {
      boolean feedAuthor = !children(root, "author").isEmpty();
      for (var entry : children(root, "entry")) {
        if (!feedAuthor
            && children(entry, "author").isEmpty()
            && children(entry, "source").isEmpty()) {
          problems.add("MissingElement{parent:entry,element:author}");
        }
      }
    }
    return problems;
  }

  private static void walk(Element e, List<String> problems) {
    var name = name(e);
    var counts = new HashMap<String, Integer>();
    for (var c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element child) counts.merge(name(child), 1, Integer::sum);
    }
    boolean atomDoc = ATOM.equals(e.getOwnerDocument().getDocumentElement().getNamespaceURI());
    boolean rssAuthor =
        !atomDoc && (name.equals("author") || name.equals("contributor")); // an e-mail in RSS
    if (inScope(e) && !rssAuthor) {
      for (var req : REQUIRED.getOrDefault(name, List.of())) {
        if (!counts.containsKey(req))
          problems.add("MissingElement{parent:" + name + ",element:" + req + "}");
      }
      for (var once : ONCE.getOrDefault(name, Set.of())) {
        if (counts.getOrDefault(once, 0) > 1)
          problems.add("DuplicateElement{parent:" + name + ",element:" + once + "}");
      }
      for (var pair : SAME_MEANING) {
        if (pair[0].equals(name) && counts.containsKey(pair[1]) && counts.containsKey(pair[2])) {
          problems.add((name.equals("item") ? "DuplicateItemSemantics" : "DuplicateSemantics")
              + "{core:" + pair[1] + ",ext:" + pair[2] + "}");
        }
      }
    }
    for (var c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element child && !isContent(child)) walk(child, problems);
    }
  }

  /** Atom elements are checked inside Atom feeds; RSS core elements (no namespace) inside RSS. */
  private static boolean inScope(Element e) {
    var root = e.getOwnerDocument().getDocumentElement();
    boolean atomDoc = ATOM.equals(root.getNamespaceURI());
    return atomDoc ? ATOM.equals(e.getNamespaceURI()) : e.getNamespaceURI() == null;
  }

  private static boolean isContent(Element e) {
    var n = e.getLocalName();
    return ATOM.equals(e.getNamespaceURI())
        && (n.equals("content")
            || n.equals("summary")
            || n.equals("title")
            || n.equals("subtitle")
            || n.equals("rights")
            || n.equals("source"));
  }

  static String name(Element e) {
    var ns = e.getNamespaceURI();
    var root = e.getOwnerDocument().getDocumentElement();
    if (ns == null || (ns.equals(ATOM) && ATOM.equals(root.getNamespaceURI())))
      return e.getLocalName();
    var prefix = PREFIXES.get(ns);
    return (prefix == null ? ns : prefix) + ":" + e.getLocalName();
  }

  static List<Element> children(Element e, String name) {
    var out = new ArrayList<Element>();
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element child && name(child).equals(name)) out.add(child);
    }
    return out;
  }

  static List<String> texts(Document doc, String parent, String element) {
    var out = new ArrayList<String>();
    collect(doc.getDocumentElement(), parent, element, out);
    return out;
  }

  private static void collect(Element e, String parent, String element, List<String> out) {
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element child) {
        if ((parent == null || name(e).equals(parent)) && name(child).equals(element))
          out.add(child.getTextContent());
        collect(child, parent, element, out);
      }
    }
  }

  /** The Validator's expectation written in a test case's comment, e.g. "InvalidRFC3339Date{...}" or "!Error". */
  static String expectation(String fileText) {
    var m = Pattern.compile("Expect:\\s*(\\S+)").matcher(fileText);
    return m.find() ? m.group(1) : "";
  }
}
