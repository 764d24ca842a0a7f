package dev.byline.archfixture.clock;

import java.time.LocalDate;
import java.time.ZoneId;

public final class ReadsTodayInAZone {
  LocalDate today(ZoneId zone) {
    return LocalDate.now(zone);
  }
}
