package dev.byline.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.byline.content.Article;
import dev.byline.content.Markdown;
import dev.byline.json.Json;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The article editor's fields, as typed: read from a request, filled from a stored article,
 * and kept as a revision's snapshot (JSON of these fields).
 */
final class ArticleForm {
  static final List<String> FIELDS = List.of(
      "headline",
      "standfirst",
      "body",
      "body-format",
      "section",
      "topics",
      "bylines",
      "dateline",
      "source",
      "credit",
      "featured-image",
      "slug",
      "seo-title",
      "seo-description",
      "update-note",
      "language");

  private ArticleForm() {}

  static Form read(Context ctx) {
    var names = new java.util.ArrayList<>(FIELDS);
    names.add("version");
    names.add(BodyField.ARTICLE.json());
    return Form.read(ctx, names.toArray(String[]::new));
  }

  /** The form for a stored article; {@code markdown} is the body as last typed, when known. */
  static Form of(Article a, String markdown) {
    return of(a, markdown, "");
  }

  /**
   * The form for a stored article to edit: {@code last} is its latest revision's snapshot, when
   * there is one, for the body as last typed and the editor it was typed in.
   */
  static Form of(Article a, java.util.Optional<Form> last) {
    return of(
        a,
        last.map(f -> f.value("body")).orElse(null),
        last.map(f -> f.value("body-format")).orElse(""));
  }

  private static Form of(Article a, String markdown, String format) {
    var f = Form.empty();
    f.set("body-format", format);
    f.set("headline", a.headline())
        .set("standfirst", a.standfirst())
        .set("body", markdown != null ? markdown : Markdown.fromBlocks(a.body()))
        .set("section", a.section() == null ? "" : Long.toString(a.section().id()))
        .set("topics", a.topics().stream().map(t -> t.name()).collect(Collectors.joining(", ")))
        .set("bylines", a.authors().stream().map(au -> au.name()).collect(Collectors.joining(", ")))
        .set("dateline", a.dateline())
        .set("source", a.source().name())
        .set("credit", a.source().creditLine())
        .set(
            "featured-image", a.featuredImageId() == null ? "" : Long.toString(a.featuredImageId()))
        .set("slug", a.slug())
        .set("seo-title", a.seoTitle())
        .set("seo-description", a.seoDescription())
        .set("update-note", a.updateNote())
        .set("language", a.language())
        .set("version", Integer.toString(a.version()));
    return f;
  }

  static String snapshot(Form f) {
    var m = new LinkedHashMap<String, String>();
    for (var k : FIELDS) m.put(k, f.value(k));
    // A body from the block editor is kept as its document too: Markdown has no place for some of
    // what a block holds (a photo's own credit), and a restore should give back exactly that body.
    var body = BodyField.ARTICLE;
    if (body.fromBlocks(f)) m.put(body.json(), f.value(body.json()));
    try {
      return Json.MAPPER.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Form fromSnapshot(String json) {
    var f = Form.empty();
    try {
      Map<?, ?> m = Json.MAPPER.readValue(json, Map.class);
      for (var k : FIELDS) f.set(k, m.get(k) == null ? "" : m.get(k).toString());
      var document = m.get(BodyField.ARTICLE.json());
      if (document != null) f.set(BodyField.ARTICLE.json(), document.toString());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "revision snapshot is not JSON: " + e.getOriginalMessage(), e);
    }
    return f;
  }

  /** A snapshot as lines of text, for diffs: one "Field: value" line per short field, then the body's lines. */
  static List<String> lines(Form f) {
    var out = new java.util.ArrayList<String>();
    for (var k : FIELDS) {
      if (k.equals("body") || (k.equals("body-format") && f.value(k).isEmpty())) continue;
      out.add(Form.label(k) + ": " + f.value(k));
    }
    out.add("Body:");
    out.addAll(List.of(f.value("body").replace("\r\n", "\n").split("\n", -1)));
    return out;
  }

  /** The topic or byline names in a comma-separated field, trimmed, without blanks or repeats. */
  static List<String> names(String field) {
    var seen = new java.util.LinkedHashMap<String, String>();
    for (var part : field.split("[,;\\n]")) {
      var v = part.strip();
      if (!v.isEmpty()) seen.putIfAbsent(v.toLowerCase(java.util.Locale.ROOT), v);
    }
    return List.copyOf(seen.values());
  }
}
