package dev.byline.wire;

import dev.byline.content.Block;
import java.time.Instant;
import java.util.List;

/**
 * One version of one story as an agency sent it, read from any format into one shape.
 *
 * @param source the configured source it came from ("reuters")
 * @param guid the agency's id for the story, the same for every version
 * @param version increases with every version the agency sends
 * @param versionCreated when the agency made this version
 * @param firstCreated when the story was first made; null when not given
 * @param embargo not to be published before this instant; null when there is none
 * @param provider the agency as the item names itself ("Reuters", "dpa"); may be empty
 * @param creditLine the credit the agency requires on the story, exactly ("Reuters")
 * @param urgency 1 (flash) to 9 (lowest); 0 when not given
 * @param format where it came from, for people: "NewsML-G2", "ninjs 2", "NITF", "RSS 2.0"
 */
public record WireItem(
    String source,
    String guid,
    long version,
    Instant versionCreated,
    Instant firstCreated,
    PubStatus pubStatus,
    Instant embargo,
    ItemKind kind,
    String format,
    String headline,
    String standfirst,
    List<Block> body,
    List<String> bylines,
    String dateline,
    String located,
    String language,
    List<Subject> subjects,
    int urgency,
    String provider,
    String creditLine,
    String copyright,
    String usageTerms,
    String slugline,
    String edNote,
    List<Picture> pictures,
    List<PackageMember> members) {

  /** Longest guid we keep; real ones are under 200 characters. */
  public static final int MAX_GUID = 1000;

  /**
   * Longest body, in characters of text: the same as an editor may write ({@link
   * dev.byline.content.Markdown#MAX_LENGTH}), so no agency story is larger than any other page.
   */
  public static final int MAX_BODY_CHARS = dev.byline.content.Markdown.MAX_LENGTH;

  static WireFormatException bodyTooLong(long chars) {
    return new WireFormatException(
        "body",
        "is " + chars + " characters or more; the limit is " + MAX_BODY_CHARS
            + " characters, as for an editor's body");
  }

  public WireItem {
    source = text(source);
    guid = text(guid);
    if (guid.isEmpty())
      throw new WireFormatException("guid", "is missing: a wire item needs an id");
    if (guid.length() > MAX_GUID)
      throw new WireFormatException("guid", "is longer than " + MAX_GUID + " characters");
    if (versionCreated == null) throw new WireFormatException("versionCreated", "is missing");
    if (pubStatus == null) pubStatus = PubStatus.USABLE;
    if (kind == null) kind = ItemKind.TEXT;
    format = text(format);
    headline = text(headline).replaceAll("\\s+", " ");
    if (headline.isEmpty())
      throw new NotAStory(
          "headline", "is missing: there is no headline, title or text to make one from");
    standfirst = text(standfirst).replaceAll("\\s+", " ");
    body = List.copyOf(body == null ? List.of() : body);
    bylines = List.copyOf(
        bylines == null
            ? List.of()
            : bylines.stream()
                .map(WireItem::text)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList());
    dateline = text(dateline).replaceAll("\\s+", " ");
    located = text(located).replaceAll("\\s+", " ");
    language = text(language);
    subjects =
        List.copyOf(subjects == null ? List.of() : subjects.stream().distinct().toList());
    if (urgency < 0 || urgency > 9) urgency = 0;
    provider = text(provider);
    creditLine = text(creditLine).replaceAll("\\s+", " ");
    copyright = text(copyright).replaceAll("\\s+", " ");
    usageTerms = text(usageTerms).replaceAll("\\s+", " ");
    slugline = text(slugline);
    edNote = text(edNote).replaceAll("\\s+", " ");
    pictures = List.copyOf(pictures == null ? List.of() : pictures);
    members = List.copyOf(members == null ? List.of() : members);
  }

  /** The same item as it arrived from another source (the desk names the source, not the file). */
  public WireItem withSource(String newSource) {
    return new WireItem(
        newSource,
        guid,
        version,
        versionCreated,
        firstCreated,
        pubStatus,
        embargo,
        kind,
        format,
        headline,
        standfirst,
        body,
        bylines,
        dateline,
        located,
        language,
        subjects,
        urgency,
        provider,
        creditLine,
        copyright,
        usageTerms,
        slugline,
        edNote,
        pictures,
        members);
  }

  /** True when this version supersedes {@code other}: a higher version, or the same one made later. */
  public boolean supersedes(long otherVersion, Instant otherCreated) {
    if (version != otherVersion) return version > otherVersion;
    return versionCreated.isAfter(otherCreated);
  }

  /** Plain words of the whole body. */
  public String bodyText() {
    var out = new StringBuilder();
    for (var b : body) {
      var t = b.text();
      if (t.isEmpty()) continue;
      if (out.length() > 0) out.append("\n\n");
      out.append(t);
    }
    return out.toString();
  }

  private static String text(String s) {
    return s == null ? "" : s.strip();
  }
}
