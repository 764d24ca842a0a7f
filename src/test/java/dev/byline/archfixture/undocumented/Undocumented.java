package dev.byline.archfixture.undocumented;

/** In a package without a package-info.java. */
public final class Undocumented {}
