package dev.byline.archfixture.clock;

import java.time.Clock;

public final class PicksTheSystemClock {
  Clock clock() {
    return Clock.systemUTC();
  }
}
