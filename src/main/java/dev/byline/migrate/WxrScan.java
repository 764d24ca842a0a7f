package dev.byline.migrate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The first pass over an export: reads every file to the end before anything is written, so a
 * file cut short or broken stops the import with nothing half-done. On the way it counts what
 * the export holds (the report's "in the export" column comes from here, not from what was
 * imported) and gathers the site's authors and terms and which of them posts use.
 */
final class WxrScan implements WxrReader.Handler {
  final Taxonomy taxonomy = new Taxonomy();
  final Map<String, WxrSite.WpAuthor> authors = new LinkedHashMap<>();
  final Map<Long, WxrSite.WpAuthor> authorsById = new HashMap<>();
  final Map<String, WxrSite.WpTerm> tags = new LinkedHashMap<>();
  /** Items by "type/status", e.g. "post/publish" → 120. */
  final Map<String, Integer> counts = new TreeMap<>();

  /** Top-level categories published posts are filed under: they become sections. */
  final Set<String> sectionSlugs = new LinkedHashSet<>();
  /** Top-level categories of unpublished posts: sections only if a published post has them too. */
  private final Map<String, Taxonomy.TermRef> unpublishedSections = new LinkedHashMap<>();

  final Map<String, Taxonomy.TermRef> topics = new LinkedHashMap<>();
  /** Keys of the topics published posts use: only these get old addresses. */
  final Set<String> publicTopics = new LinkedHashSet<>();

  final Set<String> authorLogins = new LinkedHashSet<>();
  final Set<String> publicAuthors = new LinkedHashSet<>();
  private final boolean publishPages;
  int items;
  int comments;
  int attachments;
  long replacedCharacters;
  String origin = "";
  String title = "";
  String version = "";
  private String file = "";

  private WxrScan(boolean publishPages) {
    this.publishPages = publishPages;
  }

  static WxrScan of(Export export, boolean publishPages) throws ExportException, IOException {
    var scan = new WxrScan(publishPages);
    for (var f : export.files()) scan.read(f);
    if (scan.items == 0 && scan.origin.isEmpty())
      throw new ExportException(
          export.path().getFileName().toString(), "holds no site and no items");
    return scan;
  }

  private void read(Path f) throws ExportException, IOException {
    file = f.getFileName().toString();
    CleanXmlReader open = null;
    try (var reader = Export.openXml(f)) {
      open = reader;
      WxrReader.read(reader, this);
      replacedCharacters += reader.replaced();
    } catch (ExportException e) {
      var reason = open != null && open.ended() && !e.reason().contains("cut short")
          ? "the export is cut short: the file ends before its items and channel are closed ("
              + e.reason() + ")"
          : e.reason();
      throw new ExportException(file + (e.where().isEmpty() ? "" : ", " + e.where()), reason);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new ExportException(
          file, "is not valid text in the encoding it declares (UTF-8 unless it says otherwise)");
    } catch (java.io.EOFException e) {
      throw new ExportException(file, "the compressed export is cut short");
    } catch (java.util.zip.ZipException e) {
      throw new ExportException(file, "the compressed export is damaged: " + e.getMessage());
    }
  }

  @Override
  public void site(WxrSite site) throws ExportException {
    var o = Origins.of(site.baseUrl());
    if (!origin.isEmpty() && !o.isEmpty() && !o.equals(origin))
      throw new ExportException(
          file,
          "is an export of " + o + ", but the files before it are of " + origin
              + "; import one site at a time");
    if (origin.isEmpty()) origin = o;
    if (title.isEmpty()) title = site.title();
    if (version.isEmpty()) version = site.version();
    taxonomy.add(site);
    for (var a : site.authors()) {
      authors.putIfAbsent(a.login(), a);
      if (a.id() > 0) authorsById.putIfAbsent(a.id(), a);
    }
    for (var t : site.tags()) tags.putIfAbsent(t.slug(), t);
  }

  @Override
  public void item(WxrItem item) {
    items++;
    counts.merge(item.type() + "/" + item.status(), 1, Integer::sum);
    comments += item.comments().size();
    if (item.type().equals("attachment")) attachments++;
    if (!PostRules.becomesArticle(item)) return;
    var filing = taxonomy.fileOf(item);
    boolean isPublic = PostRules.isPublic(item, publishPages);
    if (filing.section() != null) {
      if (isPublic) sectionSlugs.add(filing.section().slug());
      else unpublishedSections.putIfAbsent(filing.section().slug(), filing.section());
    }
    for (var t : filing.topics()) {
      topics.putIfAbsent(t.key(), t);
      if (isPublic) publicTopics.add(t.key());
    }
    if (!item.creator().isEmpty()) {
      authorLogins.add(item.creator());
      if (isPublic) publicAuthors.add(item.creator());
    }
  }

  /**
   * Top-level categories only unpublished posts are filed under. They get no section (its name
   * would show in every page's navigation); their posts get a topic of that name instead.
   */
  java.util.List<Taxonomy.TermRef> categoriesOfUnpublishedOnly() {
    return unpublishedSections.values().stream()
        .filter(r -> !sectionSlugs.contains(r.slug()))
        .toList();
  }

  /** How many items of a type the export holds, over all statuses. */
  int count(String type) {
    int n = 0;
    for (var e : counts.entrySet()) if (e.getKey().startsWith(type + "/")) n += e.getValue();
    return n;
  }
}
