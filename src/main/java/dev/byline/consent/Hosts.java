package dev.byline.consent;

import java.util.List;

/**
 * The origins a service's tags reach once allowed, by kind of request. The composition root adds
 * them to the Content-Security-Policy; the consent script decides whether they are ever used.
 */
public record Hosts(
    List<String> scripts, List<String> frames, List<String> connects, List<String> images) {
  public static final Hosts NONE = new Hosts(List.of(), List.of(), List.of(), List.of());

  public Hosts {
    scripts = List.copyOf(scripts);
    frames = List.copyOf(frames);
    connects = List.copyOf(connects);
    images = List.copyOf(images);
  }

  /** Every host named, for tests that check no request goes to any of them before consent. */
  public List<String> all() {
    return java.util.stream.Stream.of(scripts, frames, connects, images)
        .flatMap(List::stream)
        .distinct()
        .toList();
  }
}
