package dev.byline.migrate;

/** Text shortened to a field's limit, at a word where it can be, with an ellipsis. */
final class Words {
  private Words() {}

  static String cut(String s, int max) {
    var t = s == null ? "" : s.strip();
    if (t.length() <= max) return t;
    int space = t.lastIndexOf(' ', max - 1);
    return (space > max / 2 ? t.substring(0, space) : t.substring(0, max - 1)) + "…";
  }
}
