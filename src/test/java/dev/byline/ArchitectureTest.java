package dev.byline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

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
    "dev.byline.json.."
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
}
