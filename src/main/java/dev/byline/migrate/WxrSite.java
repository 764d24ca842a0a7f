package dev.byline.migrate;

import java.util.List;

/**
 * What a WordPress export says about its site before its items: its address, its authors and
 * its terms (categories, tags and other taxonomies).
 *
 * @param version the WXR version ("1.2"); empty when the file does not say
 * @param baseUrl the blog's address, e.g. {@code https://gazette.example}, which names the site
 *     in the import's records
 */
record WxrSite(
    String title,
    String baseUrl,
    String version,
    List<WpAuthor> authors,
    List<WpTerm> categories,
    List<WpTerm> tags,
    List<WpTerm> otherTerms) {

  WxrSite {
    authors = List.copyOf(authors);
    categories = List.copyOf(categories);
    tags = List.copyOf(tags);
    otherTerms = List.copyOf(otherTerms);
  }

  /** A WordPress user as the export lists them. {@code id} is 0 when the file does not say. */
  record WpAuthor(long id, String login, String displayName, String firstName, String lastName) {
    /** The name readers see: the display name, else first and last name, else the login. */
    String name() {
      if (!displayName.isBlank()) return displayName.strip();
      var full = (firstName + " " + lastName).strip();
      return full.isEmpty() ? login : full;
    }
  }

  /**
   * A term: a category, a tag, or another taxonomy's term.
   *
   * @param slug WordPress's "nicename", as it appears in old addresses (may be percent-encoded)
   * @param parent the parent's slug for nested categories, else empty
   */
  record WpTerm(
      long id, String taxonomy, String slug, String name, String parent, String description) {}
}
