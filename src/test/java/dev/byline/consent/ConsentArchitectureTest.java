package dev.byline.consent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Consent and ads are domain packages: plain Java, no HTTP, no templates. */
class ConsentArchitectureTest {
  @Test
  void consent_and_ads_know_nothing_of_http_or_templates() {
    var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.byline.consent", "dev.byline.ads");
    noClasses().that().resideInAnyPackage("dev.byline.consent..", "dev.byline.ads..")
        .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "gg.jte..", "jakarta.servlet..",
            "dev.byline.web..", "dev.byline.site..", "dev.byline.admin..")
        .check(classes);
  }
}
