package dev.byline.analytics;

import java.time.Instant;

/** Page views and visitors in one hour or day starting at {@code start}. */
public record SeriesPoint(Instant start, long views, long visitors) {}
