package dev.byline.migrate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The import's account, as a text file: what the export holds by its own count, what the import
 * made of it, how categories, tags and authors were mapped, and one line for every item that was
 * skipped or changed and why. Item lines are streamed to disk as they come, so a report of a
 * 200,000-post site costs no memory; the file is put together at the end.
 */
public final class ImportReport implements AutoCloseable {
  private final Path file;
  private final Path itemsFile;
  private final BufferedWriter items;
  private final List<String> head = new ArrayList<>();
  private final Map<String, List<String>> mappings = new LinkedHashMap<>();
  private final Map<String, Integer> inExport = new TreeMap<>();
  private final Map<String, Integer> outcomes = new LinkedHashMap<>();
  private final Map<String, Integer> shortcodes = new TreeMap<>();
  private final boolean dryRun;
  private int listed;

  /** The closing tally, for the command line's last line. */
  public record Summary(Path file, Map<String, Integer> outcomes, boolean dryRun) {
    public int count(String outcome) {
      return outcomes.getOrDefault(outcome, 0);
    }

    /** One line: "12 published, 4 drafts, ... (report: FILE)". */
    public String line() {
      var parts = new ArrayList<String>();
      outcomes.forEach((k, v) -> parts.add(v + " " + k));
      return (dryRun ? "Dry run, nothing written: would be " : "")
          + (parts.isEmpty() ? "nothing to import" : String.join(", ", parts)) + " (report: " + file
          + ")";
    }
  }

  ImportReport(Path file, boolean dryRun) {
    this.file = file;
    this.dryRun = dryRun;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      itemsFile = Files.createTempFile(file.toAbsolutePath().getParent(), ".report-items-", ".tmp");
      items = Files.newBufferedWriter(itemsFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report " + file + ": " + e.getMessage(), e);
    }
  }

  void line(String text) {
    head.add(text);
  }

  void inExport(String what, int n) {
    inExport.merge(what, n, Integer::sum);
  }

  void mapping(String heading, String line) {
    mappings.computeIfAbsent(heading, k -> new ArrayList<>()).add(line);
  }

  /** Counts one item's outcome ("published", "drafts" ...) without listing it. */
  void count(String outcome) {
    outcomes.merge(outcome, 1, Integer::sum);
  }

  /** Counts one item's outcome and lists it with why. */
  void item(String kind, String id, String title, String outcome, String why) {
    count(outcome);
    listed++;
    var t = title == null || title.isBlank()
        ? ""
        : " \"" + Words.cut(title.replace('\n', ' '), 80) + "\"";
    write(kind + " " + id + t + " → " + outcome + (why == null || why.isBlank() ? "" : ": " + why));
  }

  /** Lists an item's notes when it has any (it was changed), counting its outcome either way. */
  void item(String kind, String id, String title, String outcome, Notes notes) {
    notes.shortcodes().forEach((k, v) -> shortcodes.merge(k, v, Integer::sum));
    if (notes.isEmpty()) count(outcome);
    else item(kind, id, title, outcome, notes.toString());
  }

  private void write(String line) {
    try {
      items.write(line);
      items.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report: " + e.getMessage(), e);
    }
  }

  Summary finish(List<String> closing) {
    try {
      items.close();
      try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        for (var h : head) out.write(h + "\n");
        out.write("\nIn the export (its own counts, by type/status)\n");
        for (var e : inExport.entrySet()) out.write("  " + e.getKey() + ": " + e.getValue() + "\n");
        out.write("\n" + (dryRun ? "What the import would do" : "What the import did") + "\n");
        for (var e : outcomes.entrySet()) out.write("  " + e.getKey() + ": " + e.getValue() + "\n");
        for (var m : mappings.entrySet()) {
          out.write("\n" + m.getKey() + "\n");
          for (var line : m.getValue()) out.write("  " + line + "\n");
        }
        if (!shortcodes.isEmpty()) {
          out.write(
              "\nShortcodes kept as text (Byline does not run them), by how many times they occur\n");
          for (var e : shortcodes.entrySet())
            out.write("  [" + e.getKey() + "]: " + e.getValue() + "\n");
        }
        if (!closing.isEmpty()) out.write("\n");
        for (var c : closing) out.write(c + "\n");
        out.write("\nItems skipped or changed, and why (" + listed + ")\n");
        try (var in = Files.newBufferedReader(itemsFile, StandardCharsets.UTF_8)) {
          for (String l; (l = in.readLine()) != null; ) out.write("  " + l + "\n");
        }
      }
      Files.deleteIfExists(itemsFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report " + file + ": " + e.getMessage(), e);
    }
    return new Summary(
        file, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outcomes)), dryRun);
  }

  @Override
  public void close() {
    try {
      items.close();
      Files.deleteIfExists(itemsFile);
    } catch (IOException ignored) {
      // the temporary list is only left behind
    }
  }
}
