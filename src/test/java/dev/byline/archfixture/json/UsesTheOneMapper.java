package dev.byline.archfixture.json;

import dev.byline.json.Json;

public final class UsesTheOneMapper {
  String write(Object o) throws Exception {
    return Json.MAPPER.writeValueAsString(o);
  }
}
