package dev.byline.demo;

import dev.byline.content.Markdown;
import dev.byline.content.SectionStore;
import dev.byline.pages.MenuItem;
import dev.byline.pages.Menus;
import dev.byline.pages.PageDraft;
import dev.byline.pages.PageStore;
import dev.byline.store.Database;
import dev.byline.store.SiteState;
import java.util.List;

/**
 * The demo newsroom's own pages (About, Imprint, Privacy), published; the header menu holds the
 * sections and About, the footer menu the three pages. Seeding twice changes nothing.
 */
public final class DemoPages {
  static final String SEEDED = "demo.pages.seeded";

  private record Spec(String slug, String title, String summary, String markdown, boolean header) {}

  private static final List<Spec> PAGES = List.of(
      new Spec("about", "About us", "Who we are, what we cover and how we work.", """
          The Byline demo newsroom is a fictional publication. Its stories, people and pictures are \
          invented to show what the software does.

          ## What we cover

          World news, politics, business, science, sport and culture, updated through the day.

          ## How we work

          - We name our sources wherever we can.
          - We correct mistakes openly, with a note on the story.
          - We keep advertising and journalism apart.
          """, true),
      new Spec("imprint", "Imprint", "Who publishes this site and how to reach us.", """
          **Byline Demo Newsroom**
          1 Example Street, 10115 Example City

          Editor in chief: Eda Example
          Email: newsroom@example.org

          Responsible for content under media law: Eda Example, address as above.
          """, false),
      new Spec(
          "privacy",
          "Privacy policy",
          "What personal data this site handles and why.",
          """
          We count page views without cookies and without storing addresses. Optional services \
          load only after you agree; the cookie policy lists each of them.

          ## Your rights

          You may ask what we hold about you, have it corrected or deleted, and complain to a \
          supervisory authority.
          """,
          false));

  private final Database db;
  private final PageStore pages;
  private final Menus menus;
  private final SectionStore sections;
  private final SiteState state;
  private final Markdown markdown = new Markdown();

  public DemoPages(
      Database db, PageStore pages, Menus menus, SectionStore sections, SiteState state) {
    this.db = db;
    this.pages = pages;
    this.menus = menus;
    this.sections = sections;
    this.state = state;
  }

  /** Seeds the pages and menus unless they already were; returns how many pages were made. */
  public int seed() {
    if (state.get(SEEDED).isPresent()) return 0;
    db.useTransaction(tx -> {
      // A header menu replaces the list of sections, so it starts with them.
      for (var section : sections.all())
        menus.add(tx, MenuItem.Menu.HEADER, MenuItem.Kind.SECTION, section.id(), "", "");
      for (var spec : PAGES) {
        var draft = new PageDraft(
            spec.slug(),
            spec.title(),
            spec.summary(),
            spec.markdown(),
            markdown.toBlocks(spec.markdown()));
        long id = pages.create(tx, draft, null, "Demo");
        pages.publish(tx, id);
        if (spec.header()) menus.add(tx, MenuItem.Menu.HEADER, MenuItem.Kind.PAGE, id, "", "About");
        menus.add(tx, MenuItem.Menu.FOOTER, MenuItem.Kind.PAGE, id, "", "");
      }
    });
    state.put(SEEDED, "1");
    return PAGES.size();
  }
}
