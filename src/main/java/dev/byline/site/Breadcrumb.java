package dev.byline.site;

/** One step of the trail from the front page, with an absolute URL for structured data. */
public record Breadcrumb(String name, String path) {}
