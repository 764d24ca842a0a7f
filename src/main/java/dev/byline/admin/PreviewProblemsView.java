package dev.byline.admin;

import java.util.List;

/** The live preview when there is nothing to show yet: what must be fixed first. */
public record PreviewProblemsView(List<String> problems) {
  public PreviewProblemsView {
    problems = List.copyOf(problems);
  }
}
