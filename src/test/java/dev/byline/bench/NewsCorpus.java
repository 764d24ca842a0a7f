package dev.byline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Generates news-like text for benchmarks from word statistics of real news (the Wikinews CSVs in
 * the shared fixtures, read at run time; no fixture text is kept): a first-order Markov chain over
 * words gives realistic word frequencies and phrasing, and synthetic names shared by the
 * articles of one story give the archive the entities that make stories distinct.
 */
public final class NewsCorpus {
  private final List<String> words = new ArrayList<>();
  private final Map<Integer, int[]> next = new HashMap<>();
  private final int[] starts;

  private NewsCorpus(List<List<String>> sentences) {
    var index = new HashMap<String, Integer>();
    var followers = new HashMap<Integer, List<Integer>>();
    var startList = new ArrayList<Integer>();
    for (var sentence : sentences) {
      int prev = -1;
      for (var w : sentence) {
        int id = index.computeIfAbsent(w, k -> {
          words.add(k);
          return words.size() - 1;
        });
        if (prev < 0) startList.add(id);
        else followers.computeIfAbsent(prev, k -> new ArrayList<>()).add(id);
        prev = id;
      }
    }
    followers.forEach(
        (k, v) -> next.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    starts = startList.stream().mapToInt(Integer::intValue).toArray();
  }

  public static NewsCorpus fromWikinews(Path folder) {
    var sentences = new ArrayList<List<String>>();
    try (var files = Files.list(folder)) {
      for (var file : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
        var rows = Csv.parse(Files.readString(file));
        for (int r = 1; r < rows.size(); r++) {
          var row = rows.get(r);
          if (row.size() < 4 || row.get(3).length() < 500 || row.get(3).length() > 20_000)
            continue; // outliers
          for (var s : row.get(3).split("(?<=[.!?])\\s+")) {
            var tokens = new ArrayList<String>();
            for (var t : s.split("\\s+")) if (!t.isBlank()) tokens.add(t);
            if (tokens.size() >= 4) sentences.add(tokens);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new NewsCorpus(sentences);
  }

  public int vocabulary() {
    return words.size();
  }

  /** A sentence of about {@code length} words, with some of the story's names woven in. */
  public String sentence(Random r, int length, List<String> names) {
    var sb = new StringBuilder();
    int w = starts[r.nextInt(starts.length)];
    for (int i = 0; i < length; i++) {
      if (!names.isEmpty() && r.nextInt(9) == 0)
        sb.append(names.get(r.nextInt(names.size()))).append(' ');
      sb.append(words.get(w)).append(' ');
      var options = next.get(w);
      w = options == null ? starts[r.nextInt(starts.length)] : options[r.nextInt(options.length)];
    }
    var s = sb.toString().strip();
    return s.endsWith(".") ? s : s + ".";
  }

  /** A made-up proper name ("Varlento Quessry"), from a seed: the same seed, the same name. */
  public static String name(long seed) {
    var r = new Random(seed * 0x9E3779B97F4A7C15L);
    String[] syllables = {
      "va", "lor", "ent", "qu", "es", "ry", "ma", "ko", "til", "dra", "ven", "os", "ha", "lin",
      "mar", "eth", "zo", "ri", "bal", "un", "ca", "sel", "tor", "ne"
    };
    var sb = new StringBuilder();
    for (int part = 0; part < 2; part++) {
      int n = 2 + r.nextInt(2);
      var word = new StringBuilder();
      for (int i = 0; i < n; i++) word.append(syllables[r.nextInt(syllables.length)]);
      if (part > 0) sb.append(' ');
      sb.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
    }
    return sb.toString();
  }

  /** RFC 4180 CSV with quoted, multi-line fields. */
  public static final class Csv {
    public static List<List<String>> parse(String text) {
      var rows = new ArrayList<List<String>>();
      var row = new ArrayList<String>();
      var field = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            field.append(c);
          }
        } else if (c == '"') {
          quoted = true;
        } else if (c == ',') {
          row.add(field.toString());
          field.setLength(0);
        } else if (c == '\n') {
          row.add(field.toString());
          field.setLength(0);
          rows.add(row);
          row = new ArrayList<>();
        } else if (c != '\r') {
          field.append(c);
        }
      }
      if (field.length() > 0 || !row.isEmpty()) {
        row.add(field.toString());
        rows.add(row);
      }
      return rows;
    }
  }
}
