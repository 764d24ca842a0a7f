package dev.byline.pages;

import dev.byline.content.InvalidInput;
import dev.byline.content.SectionStore;
import dev.byline.content.Text;
import dev.byline.content.TopicStore;
import dev.byline.store.ChangeFeed;
import dev.byline.store.Database;
import dev.byline.store.DerivedCache;
import dev.byline.store.SurrogateKey;
import dev.byline.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Owns {@code menu_item}: the header and footer menus. Every page shows them, so each change
 * appends the navigation key ({@link SurrogateKey#SECTIONS}) and so purges every page. The links
 * readers see are kept in memory until a menu, a section, a linked page or topic changes; a
 * link to a page that is not published, or to a section or topic that no longer exists, is left
 * out.
 *
 * <pre>{@code
 * db.useTransaction(tx -> menus.add(tx, Menu.FOOTER, Kind.PAGE, imprintId, "", ""));
 * menus.links(Menu.FOOTER); // [Link[label=Imprint, href=/page/imprint]]
 * }</pre>
 */
public final class Menus {
  /** Enough for any header a reader can scan; more is a sign of a sitemap, not a menu. */
  public static final int MAX_ITEMS = 30;

  public static final int MAX_LABEL = 60;
  public static final int MAX_URL = 2_000;

  private final Database db;
  private final ChangeFeed feed;
  private final SectionStore sections;
  private final TopicStore topics;
  private final DerivedCache<MenuItem.Menu, List<MenuItem.Link>> links;

  public Menus(Database db, ChangeFeed feed, SectionStore sections, TopicStore topics) {
    this.db = db;
    this.feed = feed;
    this.sections = sections;
    this.topics = topics;
    this.links = feed.derivedCache(2);
  }

  /** The menu's items as stored, in order, for editing. */
  public List<MenuItem> items(MenuItem.Menu menu) {
    return db.read(tx -> items(tx, menu));
  }

  private static List<MenuItem> items(Tx tx, MenuItem.Menu menu) {
    return tx.query("SELECT * FROM menu_item WHERE menu = :menu ORDER BY position, id")
        .bind("menu", menu.dbValue())
        .map(Menus::toItem)
        .list();
  }

  /**
   * What readers see: each item's label and address. The same list object is returned until
   * something it shows changes, so the site can tell cheaply when to rebuild its chrome.
   */
  public List<MenuItem.Link> links(MenuItem.Menu menu) {
    return links.get(menu, this::resolve);
  }

  private DerivedCache.Entry<List<MenuItem.Link>> resolve(MenuItem.Menu menu) {
    var keys = new HashSet<String>(Set.of(SurrogateKey.SECTIONS));
    var out = new ArrayList<MenuItem.Link>();
    // Each target is read on its own (sections from their cached list), not inside one unit of
    // work, so no read here waits for a second connection while holding the first.
    for (var item : items(menu)) {
      var link = switch (item.kind()) {
        case SECTION ->
          sections
              .byId(item.targetId())
              .map(s -> new MenuItem.Link(label(item, s.name()), s.path()))
              .orElse(null);
        case TOPIC -> {
          keys.add(SurrogateKey.topic(item.targetId()));
          yield topics.byIds(List.of(item.targetId())).stream()
              .findFirst()
              .map(t -> new MenuItem.Link(label(item, t.name()), t.path()))
              .orElse(null);
        }
        case PAGE -> {
          keys.add(SurrogateKey.page(item.targetId()));
          yield db.read(tx -> tx.query(
                  "SELECT slug, title FROM site_page WHERE id = :id AND status = 'published'")
              .bind("id", item.targetId())
              .map(rs -> new MenuItem.Link(
                  label(item, rs.getString("title")), SitePage.pathOf(rs.getString("slug"))))
              .findOne()
              .orElse(null));
        }
        case LINK -> new MenuItem.Link(item.label(), item.url());
      };
      if (link != null) out.add(link);
    }
    return new DerivedCache.Entry<>(List.copyOf(out), keys);
  }

  private static String label(MenuItem item, String name) {
    return item.label().isEmpty() ? name : item.label();
  }

  /** Adds an item at the end of the menu. */
  public long add(
      Tx tx, MenuItem.Menu menu, MenuItem.Kind kind, Long targetId, String url, String label) {
    var checkedLabel = Text.optional("label", label, MAX_LABEL);
    String checkedUrl = "";
    if (kind == MenuItem.Kind.LINK) {
      checkedUrl = checkedAddress("url", url);
      if (checkedLabel.isEmpty()) throw new InvalidInput("label", "is empty; a link needs one");
      targetId = null;
    } else if (targetId == null) {
      throw new InvalidInput("target", "is not chosen");
    } else if (!exists(tx, kind, targetId)) {
      throw new InvalidInput("target", "does not exist");
    }
    var current = items(tx, menu);
    if (current.size() >= MAX_ITEMS)
      throw new InvalidInput("menu", "already has " + MAX_ITEMS + " items, the most it may");
    int position = current.isEmpty() ? 1 : current.get(current.size() - 1).position() + 1;
    long id = tx.query("INSERT INTO menu_item (menu, position, kind, target_id, url, label) "
            + "VALUES (:menu, :position, :kind, :target, :url, :label) RETURNING id")
        .bind("menu", menu.dbValue())
        .bind("position", position)
        .bind("kind", kind.dbValue())
        .bind("target", targetId)
        .bind("url", checkedUrl)
        .bind("label", checkedLabel)
        .mapTo(Long.class)
        .one();
    changed(tx, id, "added");
    return id;
  }

  /**
   * An address readers may be sent to: {@code http(s)://} or a path on this site. Anything else
   * ({@code javascript:}, {@code //host}) is refused.
   */
  public static String checkedAddress(String field, String url) {
    var u = Text.optional(field, url, MAX_URL);
    if (u.isEmpty()) throw new InvalidInput(field, "is empty; a link needs an address");
    boolean local = u.startsWith("/") && !u.startsWith("//") && !u.contains("\\");
    boolean web =
        u.regionMatches(true, 0, "https://", 0, 8) || u.regionMatches(true, 0, "http://", 0, 7);
    if (!(local || web) || u.chars().anyMatch(Character::isWhitespace))
      throw new InvalidInput(field, "must start with https://, http:// or / and have no spaces");
    return u;
  }

  private boolean exists(Tx tx, MenuItem.Kind kind, long id) {
    return switch (kind) {
      case SECTION -> sections.exists(tx, id);
      case TOPIC -> topics.exists(tx, id);
      case PAGE ->
        tx.query("SELECT COUNT(*) FROM site_page WHERE id = :id")
                .bind("id", id)
                .mapTo(Integer.class)
                .one()
            > 0;
      case LINK -> true;
    };
  }

  /** Moves an item one place up ({@code by} -1) or down (+1); at either end nothing moves. */
  public void move(Tx tx, long id, int by) {
    var item = item(tx, id);
    var all = items(tx, item.menu());
    int at = indexOf(all, id);
    int to = at + Integer.signum(by);
    if (to < 0 || to >= all.size()) return;
    // Renumber the whole menu, so equal or sparse positions never make a move a no-op.
    var order = new ArrayList<>(all);
    order.add(to, order.remove(at));
    for (int i = 0; i < order.size(); i++) {
      tx.update("UPDATE menu_item SET position = :p WHERE id = :id")
          .bind("p", i + 1)
          .bind("id", order.get(i).id())
          .execute();
    }
    changed(tx, id, "moved");
  }

  public void remove(Tx tx, long id) {
    item(tx, id);
    tx.update("DELETE FROM menu_item WHERE id = :id").bind("id", id).execute();
    changed(tx, id, "removed");
  }

  private static int indexOf(List<MenuItem> all, long id) {
    for (int i = 0; i < all.size(); i++) if (all.get(i).id() == id) return i;
    throw new InvalidInput("menu item", "does not exist");
  }

  private static MenuItem item(Tx tx, long id) {
    return tx.query("SELECT * FROM menu_item WHERE id = :id")
        .bind("id", id)
        .map(Menus::toItem)
        .findOne()
        .orElseThrow(() -> new InvalidInput("menu item", "does not exist"));
  }

  private void changed(Tx tx, long id, String action) {
    feed.append(tx, "menu", id, action, Set.of(SurrogateKey.SECTIONS));
  }

  private static MenuItem toItem(ResultSet rs) throws SQLException {
    long target = rs.getLong("target_id");
    Long targetId = rs.wasNull() ? null : target;
    return new MenuItem(
        rs.getLong("id"),
        MenuItem.Menu.parse(rs.getString("menu")),
        rs.getInt("position"),
        MenuItem.Kind.parse(rs.getString("kind")),
        targetId,
        rs.getString("url"),
        rs.getString("label"));
  }
}
