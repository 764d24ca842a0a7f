package dev.byline.wire;

import static dev.byline.wire.Elements.attr;
import static dev.byline.wire.Elements.child;
import static dev.byline.wire.Elements.children;
import static dev.byline.wire.Elements.path;
import static dev.byline.wire.Elements.text;

import dev.byline.content.Html;
import java.util.ArrayList;
import org.w3c.dom.Element;

/**
 * NITF 3.x: standalone documents (AP, EFE, PA, AAP, NTB) and NITF bodies inside NewsML-G2.
 * Identity comes from {@code docdata/doc-id}, versions from {@code du-key/@version}, dates from
 * the {@code norm} attributes.
 */
final class NitfReader {
  private NitfReader() {}

  static WireItem read(Element nitf, ReadContext ctx) {
    var d = new ItemDraft();
    d.format = "NITF";
    var head = child(nitf, "head");
    var docdata = child(head, "docdata");
    d.guid = attr(child(docdata, "doc-id"), "id-string");
    if (d.guid.isEmpty()) d.guid = attr(child(docdata, "du-key"), "key");
    var version = attr(child(docdata, "du-key"), "version");
    if (version.matches("\\d{1,18}")) d.version = Long.parseLong(version);
    var urgency = attr(child(docdata, "urgency"), "ed-urg");
    if (urgency.matches("[1-9]")) d.urgency = Integer.parseInt(urgency);
    d.versionCreated = firstDate(
        ctx,
        attr(child(docdata, "date.issue"), "norm"),
        attr(child(head, "pubdata"), "date.publication"),
        attr(child(docdata, "date.release"), "norm"));
    var release = WireDates.parse(attr(child(docdata, "date.release"), "norm"), ctx.zone());
    if (release != null && d.versionCreated != null && release.isAfter(d.versionCreated))
      d.embargo = release;
    status(attr(docdata, "management-status"), release, d);
    var copyright = child(docdata, "doc.copyright");
    if (copyright != null)
      d.copyright = copyrightOf(attr(copyright, "holder"), attr(copyright, "year"));
    var rights = child(docdata, "doc.rights");
    if (rights != null)
      d.usageTerms = attr(rights, "limitations").isEmpty()
          ? attr(rights, "type")
          : attr(rights, "limitations");
    d.edNote = attr(child(docdata, "ed-msg"), "info");
    var evloc = child(docdata, "evloc");
    if (evloc != null)
      d.located = attr(evloc, "city").isEmpty() ? attr(evloc, "state-prov") : attr(evloc, "city");
    for (var tobject : children(head, "tobject")) {
      for (var s : children(tobject, "tobject.subject")) {
        var refnum = attr(s, "tobject.subject.refnum");
        if (refnum.isEmpty()) continue;
        var ipr = attr(s, "tobject.subject.ipr");
        var scheme = ipr.isEmpty() || ipr.equalsIgnoreCase("IPTC")
            ? "subj"
            : ipr.toLowerCase(java.util.Locale.ROOT);
        var name = attr(s, "tobject.subject.detail");
        if (name.isEmpty()) name = attr(s, "tobject.subject.matter");
        if (name.isEmpty()) name = attr(s, "tobject.subject.type");
        d.subjects.add(Subject.of(scheme + ":" + refnum, name));
      }
    }
    d.title = text(head, "title");
    d.language = attr(nitf, "baselang");
    readBody(nitf, d);
    if (d.headline.isEmpty() && d.body.isEmpty()) {
      throw new NotAStory(
          "body.head/hedline/hl1", "is missing and there is no body text: nothing to publish");
    }
    return d.build(ctx);
  }

  /**
   * NITF's management status: usable, withheld, canceled, or embargoed, which is usable from its
   * release time on (the desk schedules it). Embargoed with no release time, it is held like a
   * withheld story until the agency sends a usable version.
   */
  private static void status(String status, java.time.Instant release, ItemDraft d) {
    if (status.isEmpty()) return;
    if (status.equalsIgnoreCase("embargoed")) {
      d.pubStatus = release != null ? PubStatus.USABLE : PubStatus.WITHHELD;
      if (release != null) d.embargo = release;
      return;
    }
    d.pubStatus = PubStatus.parse(status);
    if (d.pubStatus == null)
      throw new WireFormatException(
          "head/docdata/@management-status", "is not usable, embargoed, withheld or canceled");
  }

  /** Fills headline, byline, dateline, standfirst, body and pictures from {@code <nitf><body>}. */
  static void readBody(Element nitf, ItemDraft d) {
    var body = child(nitf, "body");
    var bodyHead = child(body, "body.head");
    var hl1 = text(path(bodyHead, "hedline", "hl1"));
    if (d.headline.isEmpty()) d.headline = hl1;
    var abstractText = text(child(bodyHead, "abstract"));
    if (d.standfirst.isEmpty() && !abstractText.equalsIgnoreCase(d.headline))
      d.standfirst = abstractText;
    for (var byline : children(bodyHead, "byline")) {
      var copy = (Element) byline.cloneNode(true);
      for (var title : children(copy, "byttl")) copy.removeChild(title);
      var name = ItemDraft.cleanByline(copy.getTextContent());
      if (!name.isEmpty() && !d.bylines.contains(name)) d.bylines.add(name);
    }
    var distributor = text(child(bodyHead, "distributor"));
    if (d.provider.isEmpty()) d.provider = distributor;
    var owner = text(path(bodyHead, "rights", "rights.owner"));
    if (d.copyright.isEmpty() && !owner.isEmpty()) d.copyright = owner;
    var dateline = child(bodyHead, "dateline");
    if (dateline != null && d.dateline.isEmpty()) {
      var copy = (Element) dateline.cloneNode(true);
      for (var date : children(copy, "story.date")) copy.removeChild(date);
      d.dateline = Html.collapseSpace(copy.getTextContent());
      var city = text(path(dateline, "location", "city"));
      if (d.located.isEmpty())
        d.located = city.isEmpty() ? text(child(dateline, "location")) : city;
    }
    var content = BodyBlocks.fromElement(
        child(body, "body.content"), d.headline.isEmpty() ? hl1 : d.headline);
    if (d.body.isEmpty()) d.body = new ArrayList<>(content.blocks());
    d.pictures.addAll(content.pictures());
  }

  private static java.time.Instant firstDate(ReadContext ctx, String... values) {
    for (var v : values) {
      var parsed = WireDates.parse(v, ctx.zone());
      if (parsed != null) return parsed;
    }
    return null;
  }

  static String copyrightOf(String holder, String year) {
    if (holder.isEmpty()) return "";
    return year.isEmpty() ? "© " + holder : "© " + year + " " + holder;
  }
}
