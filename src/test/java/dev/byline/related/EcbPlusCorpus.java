package dev.byline.related;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.Newsroom;
import dev.byline.content.ArticleDraft;
import dev.byline.content.Block;
import dev.byline.content.Source;
import dev.byline.content.TopicType;
import dev.byline.testing.Fixtures;
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
 * The ECB+ evaluation articles as a newsroom would hold them, loaded through the real store.
 *
 * <p>What the engine may see is only what an article has: headline, body, source, section, a
 * topic and a publication time. The ECB+ {@code event} label (and the document id, whose suffix
 * gives the event away) stay in this class, kept beside the article id for scoring. Texts that
 * start with their web address (as ECB+ texts often do, spaced out by its tokeniser) have it
 * moved to the source, where a real import would put it, so that no shared "http www com" words
 * make some articles look alike. Publication times are spread in a seeded random order, one hour
 * apart, so they carry no hint of the event either.
 */
final class EcbPlusCorpus {
  static final Path FILE = Fixtures.path("related", "ecbplus-dev.jsonl");
  static final Instant START = Instant.parse("2024-03-01T06:00:00Z");

  /** The label kept for scoring, beside the stored article's id. */
  record Labelled(long articleId, int topic, String event) {}

  private EcbPlusCorpus() {}

  static List<Labelled> load(Newsroom newsroom, long seed) {
    var rows = rows();
    var section = newsroom.sections().ensure("news", "News", "", 1);
    var topics = new HashMap<Integer, Long>();
    var order = new ArrayList<Integer>();
    for (int i = 0; i < rows.size(); i++) order.add(i);
    Collections.shuffle(order, new Random(seed));
    var hourOf = new int[rows.size()];
    for (int k = 0; k < order.size(); k++) hourOf[order.get(k)] = k;
    var out = new ArrayList<Labelled>();
    for (int i = 0; i < rows.size(); i++) {
      var row = rows.get(i);
      long topicId = topics.computeIfAbsent(row.topic(),
          t -> newsroom.topics().ensure("ECB+ topic " + t, TopicType.SUBJECT).id());
      var draft = new ArticleDraft(null, row.headline(), "", "", new Source(row.source(), row.url()), section.id(),
          List.of(topicId), List.of(), null, paragraphs(row.body()), "", "", "");
      long id = newsroom.articles().create(draft);
      newsroom.articles().publishAsOf(id, START.plus(Duration.ofHours(hourOf[i])), null);
      out.add(new Labelled(id, row.topic(), row.event()));
    }
    return out;
  }

  private record Row(int topic, String event, String headline, String body, String source, String url) {}

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
        rows.add(new Row(n.get("topic").asInt(), n.get("event").asText(), headline, text, hostOf(url), url));
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
      if (prev.equals("/") && i + 1 < tokens.length && !t.isEmpty() && Character.isUpperCase(t.charAt(0))
          && !joinsForward(t) && !joinsBackward(tokens[i + 1])) break;
      i++;
    }
    var url = String.join("", Arrays.copyOfRange(tokens, 0, i));
    return new String[] {url.length() > 500 ? url.substring(0, 500) : url, String.join(" ", Arrays.copyOfRange(tokens, i, tokens.length))};
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
    // A sentence end is a stop after a word of two or more letters (not "U." or "L.A."), before a capital.
    var m = java.util.regex.Pattern.compile("^(.{20,150}?\\p{Ll}{2,}[.!?][\"”’']?)\\s+[\"“‘'\\p{Lu}]").matcher(text);
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
