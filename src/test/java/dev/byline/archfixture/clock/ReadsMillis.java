package dev.byline.archfixture.clock;

public final class ReadsMillis {
  long now() {
    return System.currentTimeMillis();
  }
}
