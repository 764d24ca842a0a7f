package dev.byline.archfixture.documented;

/** In a package with a package-info.java. */
public final class Documented {}
