package dev.byline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Seeds for fuzz tests from the real inputs in the shared fixtures. Without fuzzing, each seed is
 * one test case; when fuzzing, Jazzer starts its corpus from them.
 */
public final class FuzzSeeds {
  /** Larger seeds slow every mutation and find nothing the smaller ones do not. */
  static final long MAX_SEED_BYTES = 256 * 1024;

  private FuzzSeeds() {}

  /** Every file under a fixtures folder (e.g. {@code "wire"}), as bytes. */
  public static Stream<Arguments> bytes(String... folders) {
    return files(folders).stream().map(f -> Arguments.of((Object) read(f)));
  }

  /** Every file under a fixtures folder, as text. */
  public static Stream<Arguments> text(String... folders) {
    return files(folders).stream()
        .map(f -> Arguments.of(new String(read(f), StandardCharsets.UTF_8)));
  }

  /** The given strings, each one seed. */
  public static Stream<Arguments> of(String... seeds) {
    return Stream.of(seeds).map(Arguments::of);
  }

  static List<Path> files(String... folders) {
    try {
      var out = new java.util.ArrayList<Path>();
      for (var folder : folders) {
        try (var walk = Files.walk(Fixtures.path(folder))) {
          walk.filter(Files::isRegularFile)
              .filter(p -> size(p) <= MAX_SEED_BYTES)
              .sorted()
              .forEach(out::add);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return Long.MAX_VALUE;
    }
  }

  private static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
