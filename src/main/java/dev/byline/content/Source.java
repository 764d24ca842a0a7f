package dev.byline.content;

/**
 * Where a story comes from and how it must be credited.
 *
 * @param name the agency or newsroom as readers see it ("Reuters")
 * @param creditLine the agency's credit line, shown as given ("Reporting by …; Editing by …")
 */
public record Source(String name, String creditLine) {
  public static final Source NONE = new Source("", "");

  public Source {
    name = Text.optional("source", name, 120);
    creditLine = Text.optional("credit line", creditLine, 500);
  }

  public boolean isEmpty() {
    return name.isEmpty() && creditLine.isEmpty();
  }
}
