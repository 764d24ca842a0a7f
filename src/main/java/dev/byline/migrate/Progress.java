package dev.byline.migrate;

/** Told as an import goes; the command line draws its progress bar from this. */
public interface Progress {
  /**
   * @param phase what is being done ("reading", "pictures", "posts")
   * @param done items done in this phase
   * @param total items this phase will do
   */
  void update(String phase, long done, long total);

  Progress NONE = (p, d, t) -> {};
}
