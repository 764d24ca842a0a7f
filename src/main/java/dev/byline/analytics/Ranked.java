package dev.byline.analytics;

/** One line of a ranking: what ({@code key}, e.g. an article id, a section slug, a host) and how many views. */
public record Ranked(String key, long views) {}
