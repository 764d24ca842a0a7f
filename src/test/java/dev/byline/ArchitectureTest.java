package dev.byline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;

/** The house rules of ARCHITECTURE.md, kept by the build. */
@AnalyzeClasses(packages = "dev.byline", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  /** Packages that hold the newsroom's logic and data; they must not know how pages are served. */
  static final String[] DOMAIN = {
    "dev.byline.config..",
    "dev.byline.store..",
    "dev.byline.content..",
    "dev.byline.media..",
    "dev.byline.wire..",
    "dev.byline.search..",
    "dev.byline.related..",
    "dev.byline.consent..",
    "dev.byline.ads..",
    "dev.byline.analytics..",
    "dev.byline.personalize..",
    "dev.byline.auth..",
    "dev.byline.demo..",
    "dev.byline.distribution..",
    "dev.byline.delivery..",
    "dev.byline.json..",
    "dev.byline.live..",
    "dev.byline.newsletter..",
    "dev.byline.brand.."
  };

  @ArchTest
  static final ArchRule domain_packages_know_nothing_of_http_or_templates = noClasses()
      .that()
      .resideInAnyPackage(DOMAIN)
      .should()
      .dependOnClassesThat()
      .resideInAnyPackage(
          "io.javalin..",
          "gg.jte..",
          "jakarta.servlet..",
          "org.eclipse.jetty..",
          "dev.byline.site..",
          "dev.byline.admin..",
          "dev.byline.api..",
          "dev.byline.web..")
      .because("delivery depends on the domain, never the other way round");

  @ArchTest
  static final ArchRule lucene_stays_inside_search = noClasses()
      .that()
      .resideOutsideOfPackages("dev.byline.search..")
      .should()
      .dependOnClassesThat()
      .resideInAnyPackage("org.apache.lucene..")
      .because("search results leave the search package as ids and records");

  @ArchTest
  static final ArchRule sql_stays_in_stores = noClasses()
      .that()
      .resideInAnyPackage(
          "dev.byline.site..", "dev.byline.admin..", "dev.byline.api..", "dev.byline.web..")
      .should()
      .dependOnClassesThat()
      .resideInAnyPackage("org.jdbi..", "java.sql..")
      .because("a feature package owns its tables; pages use its public types, not its SQL");

  // ---- one home for each rule (ArchitectureRulesFailTest shows each of these able to fail) ----

  /** Every package says what it is, with a glossary of its words (STYLE.md, principle 11). */
  @ArchTest
  static final ArchRule every_package_has_a_package_info = classes()
      .should(new ArchCondition<JavaClass>("be in a package that has a package-info.java") {
        @Override
        public void check(JavaClass c, ConditionEvents events) {
          if (c.getPackage().tryGetPackageInfo().isEmpty()) {
            events.add(SimpleConditionEvent.violated(
                c, c.getPackage().getName() + " has no package-info.java (" + c.getName() + ")"));
          }
        }
      })
      .because("a package-info.java says what a package is for and what its words mean");

  /** The wall-clock reads a Clock replaces; {@code now(clock)} and System.nanoTime are fine. */
  static final Set<String> TIME_TYPES = Set.of(
      "java.time.Instant",
      "java.time.LocalDate",
      "java.time.LocalDateTime",
      "java.time.LocalTime",
      "java.time.ZonedDateTime",
      "java.time.OffsetDateTime",
      "java.time.OffsetTime",
      "java.time.Year",
      "java.time.YearMonth",
      "java.time.MonthDay");

  static final DescribedPredicate<JavaMethodCall> READS_THE_SYSTEM_CLOCK =
      DescribedPredicate.describe("read the system clock", call -> {
        var target = call.getTarget();
        var owner = target.getOwner().getName();
        var name = target.getName();
        var params = target.getRawParameterTypes();
        if (owner.equals("java.lang.System")) return name.equals("currentTimeMillis");
        if (owner.equals("java.time.Clock")) return name.startsWith("system");
        return TIME_TYPES.contains(owner)
            && name.equals("now")
            && (params.isEmpty() || params.get(0).getName().equals("java.time.ZoneId"));
      });

  /**
   * Time comes from the Clock the composition root passes in, so tests can set it and every part
   * agrees on it; only the composition roots (package {@code dev.byline}) pick the system clock.
   */
  @ArchTest
  static final ArchRule only_the_composition_root_reads_the_system_clock = noClasses()
      .that()
      .resideOutsideOfPackage("dev.byline")
      .should()
      .callMethodWhere(READS_THE_SYSTEM_CLOCK)
      .because("every part is given the Clock that Byline.start or a command was given");

  /** Types whose construction is JSON configuration. */
  static final Set<String> JSON_CONFIGURATION = Set.of(
      "com.fasterxml.jackson.databind.ObjectMapper",
      "com.fasterxml.jackson.databind.json.JsonMapper",
      "com.fasterxml.jackson.databind.MappingJsonFactory",
      "com.fasterxml.jackson.core.JsonFactory");

  static final DescribedPredicate<JavaCall<?>> BUILDS_A_JSON_MAPPER =
      DescribedPredicate.describe("build a JSON mapper or factory", call -> {
        var target = call.getTarget();
        return JSON_CONFIGURATION.contains(target.getOwner().getName())
            && (target.getName().equals("<init>") || target.getName().equals("builder"));
      });

  /** JSON is configured once, in dev.byline.json.Json; everything else uses its mapper. */
  @ArchTest
  static final ArchRule json_is_configured_in_one_place = noClasses()
      .that()
      .resideOutsideOfPackage("dev.byline.json..")
      .should()
      .callCodeUnitWhere(BUILDS_A_JSON_MAPPER)
      .because("one mapper, configured once (limits, strictness), reads and writes all JSON");

  /** The database library stays behind the stores: SQL runs through the store's Tx. */
  @ArchTest
  static final ArchRule the_database_library_stays_in_store = noClasses()
      .that()
      .resideOutsideOfPackage("dev.byline.store..")
      .should()
      .dependOnClassesThat()
      .resideInAPackage("org.jdbi..")
      .because("a store owns its tables; others use its public types, not its SQL library");
}
