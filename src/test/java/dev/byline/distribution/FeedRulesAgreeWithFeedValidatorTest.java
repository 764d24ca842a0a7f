package dev.byline.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;

/**
 * Holds {@link FeedRules} to the W3C Feed Validator's own test cases: for every case that
 * names one of the rules, the rule must reach the Validator's conclusion. Only then do the
 * feed tests' "valid by the rules" mean anything.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedRulesAgreeWithFeedValidatorTest {
  static final Path CASES = dev.byline.testing.Fixtures.path("feeds", "feedvalidator");
  static final Pattern NAMED = Pattern.compile("(!?)(\\w+)\\{(.*)\\}");

  record Case(Path file, String expect, Document doc) {
    String arg(String key) {
      var m = Pattern.compile(key + ":([^,}]+)").matcher(expect);
      return m.find() ? m.group(1) : null;
    }

    String rule() {
      var m = NAMED.matcher(expect);
      return m.matches() ? m.group(1) + m.group(2) : expect;
    }
  }

  List<Case> cases = new ArrayList<>();

  @BeforeAll
  void readCases() throws Exception {
    try (Stream<Path> files = Files.walk(CASES)) {
      for (var f : files.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
        var bytes = Files.readAllBytes(f);
        var expect =
            FeedRules.expectation(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
        try {
          cases.add(new Case(f, expect, FeedRules.parse(bytes)));
        } catch (Exception notWellFormed) {
          // Cases about ill-formed XML or DTDs say nothing about these rules.
        }
      }
    }
    assertThat(cases)
        .as("the Feed Validator cases are readable at " + CASES.toAbsolutePath())
        .hasSizeGreaterThan(800);
  }

  List<Case> named(String... rules) {
    return cases.stream().filter(c -> List.of(rules).contains(c.rule())).toList();
  }

  @Test
  void rfc_822_dates_are_judged_as_the_validator_judges_them() {
    var judged = named(
        "ValidRFC2822Date", "InvalidRFC2822Date", "ProblematicalRFC822Date", "!InvalidRFC2822Date");
    assertThat(judged).hasSizeGreaterThan(40);
    for (var c : judged) {
      var verdicts = FeedRules.texts(c.doc(), c.arg("parent"), c.arg("element")).stream()
          .map(FeedRules::rfc822)
          .toList();
      assertThat(verdicts).as(c.file() + " " + c.expect()).isNotEmpty();
      switch (c.rule()) {
        case "ValidRFC2822Date" ->
          assertThat(verdicts).as(c.file().toString()).containsOnly(FeedRules.Verdict.VALID);
        case "InvalidRFC2822Date" ->
          assertThat(verdicts).as(c.file().toString()).contains(FeedRules.Verdict.INVALID);
        case "ProblematicalRFC822Date" ->
          assertThat(verdicts)
              .as(c.file().toString())
              .contains(FeedRules.Verdict.PROBLEMATIC)
              .doesNotContain(FeedRules.Verdict.INVALID);
        default ->
          assertThat(verdicts).as(c.file().toString()).doesNotContain(FeedRules.Verdict.INVALID);
      }
    }
  }

  @Test
  void rfc_3339_dates_are_judged_as_the_validator_judges_them() {
    var invalid = named("InvalidRFC3339Date");
    assertThat(invalid).hasSizeGreaterThan(60);
    for (var c : invalid) {
      var element = c.arg("element");
      var dates = FeedRules.texts(c.doc(), c.arg("parent"), element);
      assertThat(dates)
          .as(c.file() + " " + c.expect())
          .isNotEmpty()
          .anyMatch(d -> !FeedRules.rfc3339(d));
    }
    int checked = 0;
    for (var c : cases) {
      if (!isAtom1(c) || !(c.expect().startsWith("Valid") || c.expect().equals("!Error"))) continue;
      for (var el : List.of("updated", "published")) {
        for (var d : FeedRules.texts(c.doc(), null, el)) {
          assertThat(FeedRules.rfc3339(d)).as(c.file() + ": " + d).isTrue();
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(100);
  }

  @Test
  void tag_uris_are_judged_as_the_validator_judges_them() {
    var judged = named("ValidTAG", "InvalidTAG");
    assertThat(judged).hasSizeGreaterThan(60);
    for (var c : judged) {
      var ids = FeedRules.texts(c.doc(), c.arg("parent"), c.arg("element"));
      if (c.rule().equals("ValidTAG")) {
        assertThat(ids).as(c.file().toString()).isNotEmpty().allMatch(FeedRules::tag);
      } else {
        assertThat(ids).as(c.file().toString()).isNotEmpty().anyMatch(id -> !FeedRules.tag(id));
      }
    }
  }

  @Test
  void languages_are_judged_as_the_validator_judges_them() {
    var judged = named("ValidLanguage", "InvalidLanguage").stream()
        .filter(c -> !FeedRules.texts(c.doc(), null, "language").isEmpty()
            || !FeedRules.texts(c.doc(), null, "dc:language").isEmpty())
        .toList();
    assertThat(judged).hasSizeGreaterThanOrEqualTo(8);
    for (var c : judged) {
      var langs = new ArrayList<>(FeedRules.texts(c.doc(), null, "language"));
      langs.addAll(FeedRules.texts(c.doc(), null, "dc:language"));
      if (c.rule().equals("ValidLanguage")) {
        assertThat(langs).as(c.file().toString()).allMatch(FeedRules::language);
      } else {
        assertThat(langs).as(c.file().toString()).anyMatch(l -> !FeedRules.language(l));
      }
    }
  }

  @Test
  void missing_duplicate_and_doubled_elements_are_found_where_the_validator_finds_them() {
    var judged = named(
            "MissingElement", "DuplicateElement", "DuplicateItemSemantics", "DuplicateSemantics")
        .stream()
        .filter(c -> isAtom1(c) || isRss2(c))
        .toList();
    int found = 0;
    for (var c : judged) {
      var problems = FeedRules.structure(c.doc());
      var wanted = c.rule().startsWith("Missing") || c.rule().startsWith("DuplicateElement")
          ? c.rule() + "{parent:" + c.arg("parent") + ",element:" + c.arg("element") + "}"
          : c.rule() + "{core:" + c.arg("core") + ",ext:" + c.arg("ext") + "}";
      if (covered(wanted)) {
        assertThat(problems).as(c.file() + " " + c.expect()).contains(wanted);
        found++;
      }
    }
    assertThat(found).as("cases these rules cover").isGreaterThan(40);
  }

  @Test
  void valid_cases_show_no_structural_problem() {
    int checked = 0;
    for (var c : cases) {
      if (!(isAtom1(c) || isRss2(c)) || !c.expect().equals("!Error")) continue;
      assertThat(FeedRules.structure(c.doc())).as(c.file() + " " + c.expect()).isEmpty();
      checked++;
    }
    assertThat(checked).isGreaterThan(50);
  }

  /** Whether FeedRules has a rule for this problem (it does not model every element). */
  private static boolean covered(String problem) {
    var probe = problem.replaceAll("\\{.*", "");
    return switch (probe) {
      case "MissingElement", "DuplicateElement" -> FeedRules.coversElement(problem);
      default -> FeedRules.coversMeaning(problem);
    };
  }

  static boolean isAtom1(Case c) {
    return FeedRules.ATOM.equals(c.doc().getDocumentElement().getNamespaceURI());
  }

  static boolean isRss2(Case c) {
    var root = c.doc().getDocumentElement();
    return root.getLocalName().equals("rss") && "2.0".equals(root.getAttribute("version"));
  }
}
