package dev.byline.distribution;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.byline.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * JSON Feed 1.1, streamed with Jackson's generator. Every item has {@code content_html} (full
 * text) or {@code content_text} (the summary), as the format requires one of them.
 */
final class JsonFeedWriter {
  static final String VERSION = "https://jsonfeed.org/version/1.1";

  private JsonFeedWriter() {}

  static void write(FeedChannel c, OutputStream out) {
    try (JsonGenerator g = Json.MAPPER.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("version", VERSION);
      g.writeStringField("title", c.title());
      g.writeStringField("home_page_url", c.homeUrl());
      g.writeStringField("feed_url", c.url(FeedFormat.JSON));
      g.writeStringField("description", c.description());
      if (!c.language().isEmpty()) g.writeStringField("language", c.language());
      if (!c.iconUrl().isEmpty()) g.writeStringField("favicon", c.iconUrl());
      if (!c.logoUrl().isEmpty()) g.writeStringField("icon", c.logoUrl());
      g.writeArrayFieldStart("authors");
      g.writeStartObject();
      g.writeStringField("name", c.publisher());
      g.writeStringField("url", c.homeUrl());
      g.writeEndObject();
      g.writeEndArray();
      g.writeArrayFieldStart("items");
      for (var i : c.items()) item(g, i);
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void item(JsonGenerator g, FeedItem i) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", i.id());
    g.writeStringField("url", i.url());
    g.writeStringField("title", i.title());
    if (!i.contentHtml().isEmpty()) {
      g.writeStringField("content_html", i.contentHtml());
    } else {
      g.writeStringField("content_text", i.summary().isEmpty() ? i.title() : i.summary());
    }
    if (!i.summary().isEmpty()) g.writeStringField("summary", i.summary());
    if (i.image() != null) g.writeStringField("image", i.image().url());
    g.writeStringField("date_published", FeedDates.rfc3339(i.published()));
    if (i.isUpdated()) g.writeStringField("date_modified", FeedDates.rfc3339(i.updated()));
    if (i.language() != null) g.writeStringField("language", i.language());
    if (!i.authors().isEmpty()) {
      g.writeArrayFieldStart("authors");
      for (var a : i.authors()) {
        g.writeStartObject();
        g.writeStringField("name", a.name());
        if (!a.url().isEmpty()) g.writeStringField("url", a.url());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    if (!i.categories().isEmpty()) {
      g.writeArrayFieldStart("tags");
      for (var t : i.categories()) g.writeString(t);
      g.writeEndArray();
    }
    g.writeEndObject();
  }
}
