package dev.byline.migrate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.byline.json.Json;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Streams a Ghost JSON export ({@code {"db":[{"meta":…,"data":{"posts":[…],"tags":[…],…}}]}}, or
 * the older form without "db") one row at a time: each row of each table is handed over as it
 * is read, so the posts table is never held whole.
 */
final class GhostReader {

  /** Receives each row of each table of the export's data. */
  interface Handler {
    void row(String table, JsonNode row) throws ExportException;
  }

  private GhostReader() {}

  static void read(Path file, Handler handler) throws ExportException, IOException {
    try (var in = Export.decompressed(file);
        var p = Json.MAPPER.createParser(in)) {
      expect(p, JsonToken.START_OBJECT, "the export");
      boolean data = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        var name = p.currentName();
        var t = p.nextToken();
        if (name.equals("db") && t == JsonToken.START_ARRAY) {
          while (p.nextToken() == JsonToken.START_OBJECT) data |= database(p, handler);
        } else if (name.equals("data") && t == JsonToken.START_OBJECT) {
          tables(p, handler);
          data = true;
        } else {
          p.skipChildren();
        }
      }
      if (!data)
        throw new ExportException(
            "", "is not a Ghost export: it has no \"data\" with the site's tables");
    } catch (JsonProcessingException e) {
      var l = e.getLocation();
      throw new ExportException(
          l == null ? "" : "line " + l.getLineNr() + ", column " + l.getColumnNr(),
          e.getOriginalMessage().contains("end-of-input")
              ? "the export is cut short (the file ends inside the data)"
              : "is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static boolean database(JsonParser p, Handler handler)
      throws IOException, ExportException {
    boolean data = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      var name = p.currentName();
      var t = p.nextToken();
      if (name.equals("data") && t == JsonToken.START_OBJECT) {
        tables(p, handler);
        data = true;
      } else {
        p.skipChildren();
      }
    }
    return data;
  }

  private static void tables(JsonParser p, Handler handler) throws IOException, ExportException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      var table = p.currentName();
      if (p.nextToken() != JsonToken.START_ARRAY) {
        p.skipChildren();
        continue;
      }
      while (p.nextToken() == JsonToken.START_OBJECT) handler.row(table, p.readValueAsTree());
    }
  }

  private static void expect(JsonParser p, JsonToken token, String what)
      throws IOException, ExportException {
    if (p.nextToken() != token)
      throw new ExportException("", what + " does not start with a JSON object");
  }

  /** A text field of a row, or empty. */
  static String text(JsonNode row, String field) {
    var v = row.get(field);
    return v == null || v.isNull() ? "" : v.asText();
  }
}
