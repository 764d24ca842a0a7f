package dev.byline.content;

/** Something stories are about: a person, place, organisation or subject. */
public record Topic(long id, String slug, String name, TopicType type) {
  public Topic {
    Slugs.check("topic slug", slug);
    name = Text.required("topic name", name, 120);
    if (type == null) throw new InvalidInput("topic type", "is empty");
  }

  public String path() {
    return "/topic/" + slug;
  }
}
