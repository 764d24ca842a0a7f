package dev.byline;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * Each house rule of {@link ArchitectureTest} fails on a small class that breaks it, and passes
 * on one that keeps it: a rule that cannot fail guards nothing.
 */
class ArchitectureRulesFailTest {
  static JavaClasses fixture(String name) {
    return new ClassFileImporter().importPackages("dev.byline.archfixture." + name);
  }

  static JavaClasses fixtureClass(Class<?> c) {
    return new ClassFileImporter().importClasses(c);
  }

  static String violations(ArchRule rule, JavaClasses classes) {
    EvaluationResult result = rule.evaluate(classes);
    assertThat(result.hasViolation())
        .as("%s on %s", rule.getDescription(), classes)
        .isTrue();
    return String.join("\n", result.getFailureReport().getDetails());
  }

  static void keeps(ArchRule rule, JavaClasses classes) {
    var result = rule.evaluate(classes);
    assertThat(result.getFailureReport().getDetails()).as(rule.getDescription()).isEmpty();
  }

  @Test
  void a_package_without_a_package_info_fails_and_one_with_it_passes() {
    assertThat(
            violations(ArchitectureTest.every_package_has_a_package_info, fixture("undocumented")))
        .contains("dev.byline.archfixture.undocumented has no package-info.java");
    keeps(ArchitectureTest.every_package_has_a_package_info, fixture("documented"));
  }

  @Test
  void reading_the_system_clock_outside_the_composition_root_fails() {
    var rule = ArchitectureTest.only_the_composition_root_reads_the_system_clock;
    assertThat(violations(rule, fixtureClass(dev.byline.archfixture.clock.ReadsInstantNow.class)))
        .contains("Instant.now()");
    assertThat(violations(rule, fixtureClass(dev.byline.archfixture.clock.ReadsTodayInAZone.class)))
        .contains("LocalDate.now(java.time.ZoneId)");
    assertThat(violations(rule, fixtureClass(dev.byline.archfixture.clock.ReadsMillis.class)))
        .contains("System.currentTimeMillis()");
    assertThat(
            violations(rule, fixtureClass(dev.byline.archfixture.clock.PicksTheSystemClock.class)))
        .contains("Clock.systemUTC()");
    keeps(rule, fixtureClass(dev.byline.archfixture.clock.UsesTheGivenClock.class));
  }

  @Test
  void building_a_json_mapper_outside_its_one_home_fails() {
    var rule = ArchitectureTest.json_is_configured_in_one_place;
    assertThat(violations(rule, fixtureClass(dev.byline.archfixture.json.BuildsItsOwnMapper.class)))
        .contains("ObjectMapper.<init>()");
    assertThat(
            violations(rule, fixtureClass(dev.byline.archfixture.json.BuildsItsOwnFactory.class)))
        .contains("JsonFactory.builder()");
    keeps(rule, fixtureClass(dev.byline.archfixture.json.UsesTheOneMapper.class));
  }

  @Test
  void the_database_library_outside_store_fails() {
    assertThat(violations(ArchitectureTest.the_database_library_stays_in_store, fixture("jdbi")))
        .contains("org.jdbi.v3.core.Jdbi");
    keeps(ArchitectureTest.the_database_library_stays_in_store, fixture("documented"));
  }
}
