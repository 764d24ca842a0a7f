package dev.byline.search;

/** A headline offered while a reader types in the search box. */
public record Completion(long id, String slug, long sectionId, String headline) {}
