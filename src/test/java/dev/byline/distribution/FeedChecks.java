package dev.byline.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.byline.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import org.w3c.dom.Document;

/** What every published feed must pass: Rome reads it, the Feed Validator's rules hold, JSON Feed's schema holds. */
final class FeedChecks {
  static final ObjectMapper JSON = new ObjectMapper();
  private static Schema jsonFeedSchema;

  private FeedChecks() {}

  static synchronized Schema jsonFeedSchema() throws Exception {
    if (jsonFeedSchema == null) {
      try (InputStream in = Files.newInputStream(Fixtures.path("jsonfeed", "schema-v1.1.json"))) {
        jsonFeedSchema =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
      }
    }
    return jsonFeedSchema;
  }

  /** Schema errors, with formats (uri, date-time) asserted rather than only annotated. */
  static List<String> jsonFeedErrors(JsonNode feed) throws Exception {
    return jsonFeedSchema()
        .validate(feed, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)))
        .stream()
        .map(Object::toString)
        .toList();
  }

  static SyndFeed rome(byte[] xml) throws Exception {
    return new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(xml)));
  }

  /** Every rule of {@link FeedRules} on an RSS 2.0 document; {@code what} names it in failures. */
  static Document checkRss(String what, byte[] xml) throws Exception {
    var doc = FeedRules.parse(xml);
    assertThat(doc.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
    assertThat(FeedRules.structure(doc)).as(what).isEmpty();
    for (var el : List.of("pubDate", "lastBuildDate")) {
      for (var d : FeedRules.texts(doc, null, el)) {
        assertThat(FeedRules.rfc822(d))
            .as(what + " " + el + " " + d)
            .isEqualTo(FeedRules.Verdict.VALID);
      }
    }
    for (var d : FeedRules.texts(doc, "item", "atom:updated"))
      assertThat(FeedRules.rfc3339(d)).as(what + " " + d).isTrue();
    for (var g : FeedRules.texts(doc, "item", "guid"))
      assertThat(FeedRules.tag(g)).as(what + " guid " + g).isTrue();
    for (var l : FeedRules.texts(doc, null, "link"))
      assertThat(FeedRules.fullHttpUri(l)).as(what + " link " + l).isTrue();
    for (var l : FeedRules.texts(doc, "channel", "language"))
      assertThat(FeedRules.language(l)).as(what + " " + l).isTrue();
    for (var t : FeedRules.texts(doc, null, "title"))
      assertThat(t).as(what + " title").isNotBlank();
    assertThat(FeedRules.texts(doc, "channel", "description")).as(what).allMatch(s -> !s.isBlank());
    urlAttributes(what, doc, "url");
    urlAttributes(what, doc, "href");
    return doc;
  }

  static Document checkAtom(String what, byte[] xml) throws Exception {
    var doc = FeedRules.parse(xml);
    assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo(FeedRules.ATOM);
    assertThat(FeedRules.structure(doc)).as(what).isEmpty();
    for (var el : List.of("updated", "published")) {
      for (var d : FeedRules.texts(doc, null, el))
        assertThat(FeedRules.rfc3339(d)).as(what + " " + el + " " + d).isTrue();
    }
    for (var id : FeedRules.texts(doc, "entry", "id"))
      assertThat(FeedRules.tag(id)).as(what + " id " + id).isTrue();
    for (var id : FeedRules.texts(doc, "feed", "id"))
      assertThat(FeedRules.fullHttpUri(id)).as(what + " id " + id).isTrue();
    urlAttributes(what, doc, "href");
    urlAttributes(what, doc, "url");
    return doc;
  }

  static JsonNode checkJson(String what, byte[] json) throws Exception {
    var node = JSON.readTree(json);
    assertThat(jsonFeedErrors(node)).as(what).isEmpty();
    assertThat(node.path("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
    for (var item : node.path("items")) {
      assertThat(FeedRules.rfc3339(item.path("date_published").asText()))
          .as(what)
          .isTrue();
      if (item.has("date_modified"))
        assertThat(FeedRules.rfc3339(item.path("date_modified").asText())).isTrue();
      assertThat(FeedRules.fullHttpUri(item.path("url").asText())).as(what).isTrue();
    }
    return node;
  }

  private static void urlAttributes(String what, Document doc, String attribute) {
    var all = doc.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      var e = (org.w3c.dom.Element) all.item(i);
      if (e.hasAttribute(attribute)) {
        assertThat(FeedRules.fullHttpUri(e.getAttribute(attribute)))
            .as(what + " @" + attribute + " " + e.getAttribute(attribute))
            .isTrue();
      }
    }
  }
}
