package dev.byline.wire;

import dev.byline.content.Block;
import dev.byline.content.Html;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The fields a reader collects before the item is checked and built. */
final class ItemDraft {
  String guid = "";
  long version = 1;
  Instant versionCreated;
  Instant firstCreated;
  PubStatus pubStatus = PubStatus.USABLE;
  Instant embargo;
  ItemKind kind = ItemKind.TEXT;
  String format = "";
  String headline = "";
  String standfirst = "";
  List<Block> body = new ArrayList<>();
  List<String> bylines = new ArrayList<>();
  String dateline = "";
  String located = "";
  String language = "";
  List<Subject> subjects = new ArrayList<>();
  int urgency;
  String provider = "";
  String creditLine = "";
  String copyright = "";
  String usageTerms = "";
  String slugline = "";
  String edNote = "";
  String title = "";
  String caption = "";
  List<Picture> pictures = new ArrayList<>();
  List<PackageMember> members = new ArrayList<>();

  /** The item, checked: stored items are not, so what was kept before a limit still reads. */
  WireItem build(ReadContext ctx) {
    long chars = 0;
    for (var b : body) chars += b.text().length();
    if (chars > WireItem.MAX_BODY_CHARS) throw WireItem.bodyTooLong(chars);
    if (headline.isBlank()) headline = title;
    if (headline.isBlank() && !body.isEmpty()) headline = firstWords(body.get(0).text(), 120);
    if (headline.isBlank()) headline = slugline;
    if (guid.isBlank()) guid = derivedGuid();
    var created = versionCreated != null
        ? versionCreated
        : firstCreated != null ? firstCreated : ctx.receivedAt();
    return new WireItem(
        ctx.source(),
        guid,
        version,
        created,
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

  /** Items without an id (some NITF, RSS) get one from their content, so re-reading them is idempotent. */
  private String derivedGuid() {
    var basis = format + "\n" + headline + "\n"
        + (body.isEmpty() ? standfirst : body.get(0).text());
    try {
      var sha = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
      return "urn:byline:sha256:" + HexFormat.of().formatHex(sha, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String firstWords(String text, int max) {
    var t = text == null ? "" : text.strip();
    if (t.length() <= max) return t;
    int cut = t.lastIndexOf(' ', max);
    return (cut > max / 2 ? t.substring(0, cut) : t.substring(0, max)) + "…";
  }

  /** "By Meredith Jameson," → "Meredith Jameson". */
  static String cleanByline(String by) {
    var b = Html.collapseSpace(by);
    b = b.replaceFirst("(?i)^by\\s+", "").replaceAll("[,;:\\s]+$", "");
    return b;
  }
}
