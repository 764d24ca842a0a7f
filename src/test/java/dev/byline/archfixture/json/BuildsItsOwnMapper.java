package dev.byline.archfixture.json;

import com.fasterxml.jackson.databind.ObjectMapper;

public final class BuildsItsOwnMapper {
  private final ObjectMapper json = new ObjectMapper();

  String write(Object o) throws Exception {
    return json.writeValueAsString(o);
  }
}
