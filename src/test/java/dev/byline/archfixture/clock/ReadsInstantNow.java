package dev.byline.archfixture.clock;

import java.time.Instant;

public final class ReadsInstantNow {
  Instant now() {
    return Instant.now();
  }
}
