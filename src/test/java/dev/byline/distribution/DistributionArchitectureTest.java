package dev.byline.distribution;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Distribution is domain code: it writes to streams and knows nothing of HTTP or templates. */
class DistributionArchitectureTest {
  @Test
  void distribution_knows_nothing_of_javalin_jte_or_the_site() {
    var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.byline.distribution");
    noClasses().that().resideInAPackage("dev.byline.distribution..")
        .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "gg.jte..", "dev.byline.site..", "dev.byline.web..")
        .check(classes);
  }
}
