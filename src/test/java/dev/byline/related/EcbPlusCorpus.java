package dev.byline.related;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.byline.Newsroom;
import dev.byline.config.Config;
import dev.byline.content.Article;
import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.testing.Fixtures;
import dev.byline.wire.Story;
import dev.byline.wire.WireDesk;
import dev.byline.wire.WireImport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The ECB+ evaluation articles as a newsroom would hold them, imported through the real wire
 * importer: each row is written as an IPTC ninjs 2.1 file and the folder is imported as
 * {@code byline import DIR --source archive --publish --section news} does.
 *
 * <p>What the engine may see is only what an article has: headline, body, section, a topic and a
 * publication time. The ECB+ {@code event} label (and the document id, whose suffix gives the
 * event away) stay in this class, kept beside the article id for scoring; each item's id is a
 * neutral {@code ecb-N}, N being its place in the shuffled order. Texts that start with their web
 * address (as ECB+ texts often do, spaced out by its tokeniser) have it moved out of the text, to
 * the item's copyright holder (the host) and info source (the address), where an agency would put
 * them, so that no shared "http www com" words make some articles look alike. Publication times
 * are spread in a seeded random order, one hour apart, so they carry no hint of the event either;
 * the import keeps each item's own dates.
 *
 * <p>Each item names its ECB+ topic as a subject, "ECB+ topic N". The importer makes topics only
 * of subjects from IPTC's vocabularies (or of people, organisations and places), so the source
 * has one desk rule per topic, {@code ECB+ topic N -> -, topic ECB+ topic N}: the way a newsroom
 * maps an agency's own subjects to its topics.
 */
final class EcbPlusCorpus {
  static final Path FILE = Fixtures.path("related", "ecbplus-dev.jsonl");
  static final Instant START = Instant.parse("2024-03-01T06:00:00Z");
  /** The wire source the corpus is imported under, as an archive migration would be. */
  static final String SOURCE = "archive";

  static final String SECTION = "news";

  /** The label kept for scoring, beside the stored article's id. */
  record Labelled(long articleId, int topic, String event) {}

  /**
   * The import's result: the labelled articles, the importer's closing tally, and every way an
   * imported article differs from the row it came from (none, when the import kept the text).
   */
  record Loaded(List<Labelled> articles, WireImport.Summary summary, List<String> differences) {}

  private EcbPlusCorpus() {}

  /** The settings the newsroom needs for the import: the source and its desk rules, one per ECB+ topic. */
  static Map<String, String> settings() {
    var settings = new HashMap<String, String>();
    settings.put("wire.sources", SOURCE);
    var topics = rows().stream().map(Row::topic).distinct().sorted().toList();
    for (int i = 0; i < topics.size(); i++) {
      var name = topicName(topics.get(i));
      settings.put("wire.source." + SOURCE + ".rule." + (i + 1), name + " -> -, topic " + name);
    }
    return settings;
  }

  static String topicName(int topic) {
    return "ECB+ topic " + topic;
  }

  /** Writes every row as a ninjs file into {@code folder} and imports the folder with publish on. */
  static Loaded load(Newsroom newsroom, Config config, Path folder, long seed) throws IOException {
    var rows = rows();
    newsroom.sections().ensure(SECTION, "News", "", 1);
    var order = new ArrayList<Integer>();
    for (int i = 0; i < rows.size(); i++) order.add(i);
    Collections.shuffle(order, new Random(seed));
    var hourOf = new int[rows.size()];
    for (int k = 0; k < order.size(); k++) hourOf[order.get(k)] = k;
    var json = new ObjectMapper();
    for (int i = 0; i < rows.size(); i++) {
      var guid = "ecb-" + hourOf[i];
      Files.write(
          folder.resolve(guid + ".json"),
          json.writeValueAsBytes(ninjs(json, rows.get(i), guid, publishedAt(hourOf[i]))));
    }
    var wire = newsroom.wire();
    var summary = wire.importer()
        .run(
            folder,
            wire.source(SOURCE, config),
            new WireDesk.Options(true, SECTION, true),
            WireImport.Progress.NONE);
    var out = new ArrayList<Labelled>();
    var differences = new ArrayList<String>();
    for (int i = 0; i < rows.size(); i++) {
      var guid = "ecb-" + hourOf[i];
      var articleId = wire.store().story(SOURCE, guid).map(Story::articleId).orElse(null);
      if (articleId == null) {
        differences.add(guid + ": no article");
        continue;
      }
      differences.addAll(differences(
          newsroom,
          guid,
          newsroom.articles().byId(articleId).orElseThrow(),
          rows.get(i),
          hourOf[i]));
      out.add(new Labelled(articleId, rows.get(i).topic(), rows.get(i).event()));
    }
    return new Loaded(out, summary, differences);
  }

  private static Instant publishedAt(int hour) {
    return START.plus(Duration.ofHours(hour));
  }

  /** One row as an IPTC ninjs 2.1 text item: headline, HTML body, the topic as a subject, the item's dates. */
  static ObjectNode ninjs(ObjectMapper json, Row row, String guid, Instant published) {
    var n = json.createObjectNode();
    n.putObject("standard")
        .put("name", "ninjs")
        .put("version", "2.1")
        .put("schema", "https://www.iptc.org/std/ninjs/ninjs-schema_2.1.json");
    n.put("uri", guid);
    n.put("type", "text");
    n.put("version", "1");
    n.put("versioncreated", published.toString());
    n.put("firstcreated", published.toString());
    n.put("pubstatus", "usable");
    n.put("language", "en");
    n.putArray("headlines").addObject().put("role", "main").put("value", row.headline());
    var html = new StringBuilder();
    for (var block : paragraphs(row.body()))
      html.append("<p>").append(((Block.Paragraph) block).html()).append("</p>\n");
    n.putArray("bodies")
        .addObject()
        .put("role", "main")
        .put("contenttype", "text/html")
        .put("value", html.toString());
    n.putArray("subjects").addObject().put("name", topicName(row.topic()));
    if (!row.source().isEmpty()) n.put("copyrightholder", row.source());
    if (!row.url().isEmpty())
      n.putArray("infosources").addObject().put("name", row.source()).put("uri", row.url());
    return n;
  }

  /** How an imported article differs from its row in what the engine reads; empty when it does not. */
  private static List<String> differences(
      Newsroom newsroom, String guid, Article a, Row row, int hour) {
    var out = new ArrayList<String>();
    if (!a.headline().equals(row.headline()))
      out.add(guid + " headline: \"" + a.headline() + "\" for \"" + row.headline() + "\"");
    if (!a.standfirst().isEmpty()) out.add(guid + " standfirst: \"" + a.standfirst() + "\"");
    var paragraphs =
        paragraphs(row.body()).stream().map(b -> (Block.Paragraph) b).toList();
    // The importer drops a first paragraph that repeats the headline, as agencies often send it.
    // Two
    // ECB+ texts are one sentence, which is also their headline: the engine still reads its words.
    if (!paragraphs.isEmpty() && paragraphs.get(0).text().equals(row.headline()))
      paragraphs = paragraphs.subList(1, paragraphs.size());
    var expected = paragraphs.stream().map(Block.Paragraph::html).toList();
    var got = a.body().stream()
        .map(b -> b instanceof Block.Paragraph p ? p.html() : b.toString())
        .toList();
    if (!got.equals(expected)) out.add(guid + " body: " + got + " for " + expected);
    var topics = a.topics().stream().map(t -> t.name()).toList();
    if (!topics.equals(List.of(topicName(row.topic())))) out.add(guid + " topics: " + topics);
    var section = newsroom.sections().bySlug(SECTION).orElseThrow();
    if (a.section() == null || a.section().id() != section.id())
      out.add(guid + " section: " + a.section());
    if (!publishedAt(hour).equals(a.firstPublishedAt()))
      out.add(guid + " published: " + a.firstPublishedAt());
    if (!a.authors().isEmpty() || !a.dateline().isEmpty())
      out.add(guid + " bylines or dateline added");
    return out;
  }

  record Row(int topic, String event, String headline, String body, String source, String url) {}

  static List<Row> rows() {
    var json = new ObjectMapper();
    try {
      var rows = new ArrayList<Row>();
      for (var line : Files.readAllLines(FILE)) {
        if (line.isBlank()) continue;
        var n = json.readTree(line);
        var title = n.get("title").asText("").strip();
        var text = n.get("text").asText("").strip();
        if (looksLikeAddress(title)) {
          text = title + " " + text;
          title = "";
        }
        var split = splitAddress(text);
        var url = split[0];
        text = split[1];
        var headline = title.isEmpty() ? headlineFrom(text) : cut(title, ArticleDraft.MAX_HEADLINE);
        headline = headline.replaceAll(
            "\\s+", " "); // a headline is one line; a stray tab is a space to every reader
        rows.add(new Row(
            n.get("topic").asInt(), n.get("event").asText(), headline, text, hostOf(url), url));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + FILE.toAbsolutePath(), e);
    }
  }

  static boolean looksLikeAddress(String s) {
    return s.startsWith("http: / / ") || s.startsWith("https: / / ");
  }

  /** Splits a leading, tokeniser-spaced web address ("http: / / www. x. com / a - b") from the text. */
  static String[] splitAddress(String text) {
    if (!looksLikeAddress(text)) return new String[] {"", text};
    var tokens = text.split(" ");
    int i = 1;
    while (i < tokens.length) {
      var prev = tokens[i - 1];
      var t = tokens[i];
      if (!joinsForward(prev) && !joinsBackward(t)) break;
      // After a trailing slash, a capitalised word that nothing joins on to starts the text.
      if (prev.equals("/")
          && i + 1 < tokens.length
          && !t.isEmpty()
          && Character.isUpperCase(t.charAt(0))
          && !joinsForward(t)
          && !joinsBackward(tokens[i + 1])) break;
      i++;
    }
    var url = String.join("", Arrays.copyOfRange(tokens, 0, i));
    return new String[] {
      url.length() > 500 ? url.substring(0, 500) : url,
      String.join(" ", Arrays.copyOfRange(tokens, i, tokens.length))
    };
  }

  private static boolean joinsForward(String t) {
    return !t.isEmpty() && "./?=&#:-_".indexOf(t.charAt(t.length() - 1)) >= 0;
  }

  private static boolean joinsBackward(String t) {
    return !t.isEmpty() && "/-_.?=&#".indexOf(t.charAt(0)) >= 0;
  }

  private static String hostOf(String url) {
    if (url.isEmpty()) return "";
    var rest = url.replaceFirst("^https?://", "").replaceFirst("^www\\.", "");
    int slash = rest.indexOf('/');
    var host = slash < 0 ? rest : rest.substring(0, slash);
    return host.length() > 120 ? host.substring(0, 120) : host;
  }

  /** The first sentence when it is headline-sized, else its first fourteen words. */
  static String headlineFrom(String text) {
    // A sentence end is a stop after a word of two or more letters (not "U." or "L.A."), before a
    // capital.
    var m = java.util.regex.Pattern.compile(
            "^(.{20,150}?\\p{Ll}{2,}[.!?][\"”’']?)\\s+[\"“‘'\\p{Lu}]")
        .matcher(text);
    if (m.find() && m.group(1).split("\\s+").length >= 5) return m.group(1);
    var words = text.split("\\s+");
    var head = String.join(" ", Arrays.copyOfRange(words, 0, Math.min(14, words.length)));
    return cut(words.length > 14 ? head + " …" : head, ArticleDraft.MAX_HEADLINE);
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1).strip() + "…";
  }

  /** Sentences grouped three to a paragraph, as a news body reads. */
  static List<Block> paragraphs(String text) {
    var sentences = text.split("(?<=[.!?][\"”’']?)\\s+(?=[\"“‘'A-Z0-9])");
    var blocks = new ArrayList<Block>();
    var current = new StringBuilder();
    int inParagraph = 0;
    for (var s : sentences) {
      if (current.length() > 0) current.append(' ');
      current.append(s);
      if (++inParagraph == 3) {
        blocks.add(Block.Paragraph.ofText(current.toString()));
        current.setLength(0);
        inParagraph = 0;
      }
    }
    if (current.length() > 0) blocks.add(Block.Paragraph.ofText(current.toString()));
    return blocks;
  }

  static Map<Long, Labelled> byId(List<Labelled> all) {
    var map = new HashMap<Long, Labelled>();
    all.forEach(l -> map.put(l.articleId(), l));
    return map;
  }
}
