package dev.byline.wire;

import dev.byline.content.ArticleDraft;
import dev.byline.content.AuthorStore;
import dev.byline.content.Block;
import dev.byline.content.Html;
import dev.byline.content.Language;
import dev.byline.content.Source;
import dev.byline.content.TopicStore;
import dev.byline.content.TopicType;
import dev.byline.store.Tx;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes the article a story publishes as: the agency's text, with the agency's name and credit
 * lines exactly as sent, its photos with their captions and credits, its bylines as authors and
 * its named subjects as topics. A package contributes its main story's text and its photos.
 */
final class StoryComposer {
  /** Named subjects worth a topic page; more than this is tagging noise. */
  static final int MAX_TOPICS = 8;
  /** Reuters-style closing credits: "(Reporting by …; Editing by …)". */
  private static final Pattern CLOSING_CREDIT = Pattern.compile(
      "\\s*\\(((?:Additional )?(?:Reporting|Writing|Editing|Compiled|Research) by [^()]+)\\)\\s*$");

  private final WireStore store;
  private final TopicStore topics;
  private final AuthorStore authors;

  StoryComposer(WireStore store, TopicStore topics, AuthorStore authors) {
    this.store = store;
    this.topics = topics;
    this.authors = authors;
  }

  /** Where the desk placed a story: its section and an extra topic from a rule. */
  record Placement(Long sectionId, String topic) {}

  ArticleDraft compose(
      Tx tx,
      WireSource source,
      WireItem item,
      List<Long> imageIds,
      Placement placement,
      String slug) {
    var body = new ArrayList<>(item.body());
    var pictures = new ArrayList<PictureImage>();
    for (int i = 0; i < item.pictures().size(); i++) {
      var id = i < imageIds.size() ? imageIds.get(i) : null;
      if (id != null) pictures.add(new PictureImage(item.pictures().get(i), id));
    }
    if (item.kind() == ItemKind.PACKAGE) addMembers(tx, item, body, pictures);
    var credit = closingCredit(body);
    if (credit.isEmpty() && !item.creditLine().equalsIgnoreCase(source.displayName()))
      credit = item.creditLine();
    Long featured = null;
    var imageBlocks = new ArrayList<Block>();
    for (var p : pictures) {
      if (featured == null) {
        featured = p.imageId();
        continue;
      }
      imageBlocks.add(new Block.ImageBlock(
          p.imageId(),
          cut(p.picture().caption(), 1000),
          cut(p.picture().displayCredit(), 300),
          ""));
    }
    if (item.kind() == ItemKind.PICTURE && featured != null && body.size() == 1)
      body.clear(); // the caption shows under the photo
    body.addAll(imageBlocks);
    var authorIds = new ArrayList<Long>();
    for (var b : item.bylines()) {
      var name = clean(b, 120);
      if (!name.isEmpty() && authorIds.size() < 4)
        authorIds.add(authors.ensure(tx, name).id());
    }
    return new ArticleDraft(
        slug,
        cut(item.headline(), ArticleDraft.MAX_HEADLINE),
        cut(item.standfirst(), ArticleDraft.MAX_STANDFIRST),
        cut(item.dateline(), 200),
        new Source(cut(source.displayName(), 120), cut(credit, 500)),
        placement.sectionId(),
        topicIds(tx, item, placement),
        authorIds,
        featured,
        body,
        "",
        "",
        "",
        // What the wire says the story is written in (ninjs language, NewsML-G2 language or
        // xml:lang, NITF baselang, a feed's language); one that is no tag we know is ignored.
        Language.orNull(item.language()));
  }

  private record PictureImage(Picture picture, long imageId) {}

  /** A package's article: its main text story's body and the photos of its picture members. */
  private void addMembers(Tx tx, WireItem pkg, List<Block> body, List<PictureImage> pictures) {
    for (var m : pkg.members()) {
      if (!m.isMain()) continue;
      var member = store.story(tx, pkg.source(), m.guid());
      if (member.isEmpty()) continue;
      var stored = store.item(tx, member.get().itemId());
      if (m.kind() == ItemKind.TEXT && body.isEmpty()) {
        body.addAll(stored.item().body());
      } else if (m.kind() == ItemKind.PICTURE) {
        for (int i = 0;
            i < stored.item().pictures().size() && i < stored.imageIds().size();
            i++) {
          var id = stored.imageIds().get(i);
          if (id != null) pictures.add(new PictureImage(stored.item().pictures().get(i), id));
        }
      }
    }
  }

  private List<Long> topicIds(Tx tx, WireItem item, Placement placement) {
    var ids = new LinkedHashSet<Long>();
    if (!placement.topic().isBlank())
      ids.add(
          topics.ensure(tx, clean(placement.topic(), 120), TopicType.SUBJECT).id());
    for (var s : item.subjects()) {
      if (ids.size() >= MAX_TOPICS) break;
      var name = clean(s.name(), 120);
      if (name.length() < 3 || name.matches("[a-z0-9]{1,3}"))
        continue; // codes such as "f" or "sp" are not topics
      boolean named =
          s.type() != Subject.Type.SUBJECT || s.isMediaTopic() || s.scheme().equals("subj");
      if (!named) continue;
      ids.add(topics.ensure(tx, name, typeOf(s.type())).id());
    }
    return new ArrayList<>(ids);
  }

  private static TopicType typeOf(Subject.Type t) {
    return switch (t) {
      case PERSON -> TopicType.PERSON;
      case ORGANISATION -> TopicType.ORGANISATION;
      case PLACE -> TopicType.PLACE;
      default -> TopicType.SUBJECT;
    };
  }

  /** Moves "(Reporting by …; Editing by …)" from the last paragraph to the article's credit line. */
  static String closingCredit(List<Block> body) {
    if (body.isEmpty() || !(body.get(body.size() - 1) instanceof Block.Paragraph last)) return "";
    var text = last.text();
    var m = CLOSING_CREDIT.matcher(text);
    if (!m.find()) return "";
    var rest = text.substring(0, m.start()).strip();
    body.remove(body.size() - 1);
    if (!rest.isEmpty()) body.add(Block.Paragraph.ofText(rest));
    return m.group(1).strip();
  }

  static String cut(String s, int max) {
    var c = clean(s, Integer.MAX_VALUE);
    if (c.length() <= max) return c;
    int space = c.lastIndexOf(' ', max - 1);
    return (space > max / 2 ? c.substring(0, space) : c.substring(0, max - 1)) + "…";
  }

  /** Strips control characters a text field refuses, and collapses white space. */
  static String clean(String s, int max) {
    if (s == null) return "";
    var c = s.replaceAll("[\\p{Cntrl}&&[^\n\t]]", "").replaceAll("\\s+", " ").strip();
    return c.length() > max ? c.substring(0, max) : c;
  }

  /** Plain text of inline HTML, for previews. */
  static String text(String html) {
    return Html.toText(html);
  }
}
