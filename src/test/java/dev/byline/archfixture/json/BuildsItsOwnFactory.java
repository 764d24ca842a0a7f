package dev.byline.archfixture.json;

import com.fasterxml.jackson.core.JsonFactory;

public final class BuildsItsOwnFactory {
  JsonFactory factory() {
    return JsonFactory.builder().build();
  }
}
