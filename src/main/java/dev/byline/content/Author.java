package dev.byline.content;

/** A person who writes for the site or for an agency; bylines link to their page. */
public record Author(long id, String slug, String name, String bio, Long photoImageId) {
  public Author {
    Slugs.check("author slug", slug);
    name = Text.required("author name", name, 120);
    bio = Text.optional("author bio", bio, 2000);
  }

  public String path() {
    return "/author/" + slug;
  }
}
