package dev.byline.site;

/** A 4xx or 5xx page in plain words. */
public record ErrorView(Chrome chrome, Meta meta, int status, String title, String message) {}
