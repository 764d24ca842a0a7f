import dev.byline.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark input: ninjs items with real news text from the Wikinews CSVs in the shared
 * fixtures, written at run time into a temporary folder (never committed). Articles are reused
 * round-robin with distinct ids and headlines to reach the wanted count.
 */
final class WikinewsItems {
  record Article(String title, String date, String text) {}

  static List<Article> read(Path csvDir) throws IOException {
    var out = new ArrayList<Article>();
    try (var files = Files.list(csvDir)) {
      for (var f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
        var rows =
            dev.byline.bench.NewsCorpus.Csv.parse(Files.readString(f, StandardCharsets.UTF_8));
        for (var r : rows.subList(1, rows.size())) {
          if (r.size() < 4) continue;
          var text = r.get(3).strip();
          if (text.length() < 500 || text.length() > 20_000) continue; // outliers by length
          out.add(new Article(r.get(2).strip(), r.get(1).strip(), text));
        }
      }
    }
    return out;
  }

  /** Writes {@code count} ninjs files; returns the folder. */
  static Path write(List<Article> articles, int count, Path dir) throws IOException {
    Files.createDirectories(dir);
    var json = Json.MAPPER;
    for (int i = 0; i < count; i++) {
      var a = articles.get(i % articles.size());
      var n = json.createObjectNode();
      n.put("uri", "urn:bench:wikinews:" + i)
          .put("type", "text")
          .put("version", "1")
          .put("versioncreated", a.date() + "T12:00:00Z")
          .put("headline", a.title() + (i < articles.size() ? "" : " (" + i + ")"))
          .put("byline", "Wikinews contributors")
          .put("language", "en")
          .put("body_text", a.text().replace("\r", ""));
      n.putArray("subject").addObject().put("code", "medtop:11000000").put("name", "politics");
      Files.writeString(
          dir.resolve(String.format("item-%06d.json", i)), n.toString(), StandardCharsets.UTF_8);
    }
    return dir;
  }
}
