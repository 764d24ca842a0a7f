package dev.byline.api.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.byline.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The OpenAPI 3.1 description of the API ({@code src/main/resources/api/openapi.json}), served
 * with this site's address as its server. Kept by hand beside the code; a test checks that it is
 * valid OpenAPI 3.1 and that every endpoint's real answers match its schemas.
 */
final class OpenApiDocument {
  static final String RESOURCE = "/api/openapi.json";

  private final JsonNode tree;

  OpenApiDocument(String baseUrl) {
    try (var in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
      var doc = (ObjectNode) Json.MAPPER.readTree(in);
      var base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
      doc.putArray("servers").addObject().put("url", base + "/api/v1");
      this.tree = doc;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode tree() {
    return tree;
  }
}
