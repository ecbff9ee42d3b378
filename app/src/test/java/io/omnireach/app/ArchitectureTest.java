package io.omnireach.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of ARCHITECTURE.md: app → ui-vaadin, batch-jobs, billing,
 * tenant-provisioning (and seed) → core; nothing depends on app; no cycles between features; the
 * SDK and the CLI use only the block format (no server code), and no server code uses them.
 */
class ArchitectureTest {

  static JavaClasses classes;

  @BeforeAll
  static void importAll() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("io.omnireach");
  }

  @Test
  void core_depends_on_no_other_module() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.omnireach.common..",
            "io.omnireach.db..",
            "io.omnireach.tenant..",
            "io.omnireach.user..",
            "io.omnireach.auth..",
            "io.omnireach.audit..",
            "io.omnireach.dashboard..",
            "io.omnireach.persona..",
            "io.omnireach.lead..",
            "io.omnireach.ai..",
            "io.omnireach.channel..",
            "io.omnireach.brand..",
            "io.omnireach.reseller..",
            "io.omnireach.mail..",
            "io.omnireach.meeting..",
            "io.omnireach.sso..",
            "io.omnireach.tls..",
            "io.omnireach.privacy..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.omnireach.app..",
            "io.omnireach.ui..",
            "io.omnireach.jobs..",
            "io.omnireach.billing..",
            "io.omnireach.provisioning..",
            "io.omnireach.seed..")
        .check(classes);
  }

  @Test
  void core_knows_nothing_of_vaadin_jaxrs_or_the_servlet_api() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.omnireach.(common|db|tenant|user|auth|audit|dashboard|persona|lead|ai|channel|brand|reseller|mail|meeting|sso|tls|privacy)..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.vaadin..", "jakarta.ws.rs..", "jakarta.servlet..")
        .check(classes);
  }

  @Test
  void feature_modules_depend_only_on_core() {
    String[] modules = {"ui", "jobs", "billing", "provisioning"};
    for (String module : modules) {
      java.util.List<String> others = new java.util.ArrayList<>(java.util.List.of("app", "seed"));
      for (String other : modules) {
        if (!other.equals(module)) {
          others.add(other);
        }
      }
      noClasses()
          .that()
          .resideInAPackage("io.omnireach." + module + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              others.stream().map(o -> "io.omnireach." + o + "..").toArray(String[]::new))
          .check(classes);
    }
  }

  @Test
  void seed_uses_provisioning_and_core_but_not_the_app() {
    noClasses()
        .that()
        .resideInAPackage("io.omnireach.seed..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.omnireach.app..", "io.omnireach.ui..", "io.omnireach.jobs..")
        .check(classes);
  }

  @Test
  void feature_packages_have_no_cycles() {
    slices().matching("io.omnireach.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void sdk_and_cli_use_no_server_code_and_no_server_code_uses_them() {
    noClasses()
        .that()
        .resideInAnyPackage("io.omnireach.sdk..", "io.omnireach.cli..")
        .should()
        .dependOnClassesThat(
            JavaClass.Predicates.resideInAPackage("io.omnireach..")
                .and(
                    DescribedPredicate.not(
                        JavaClass.Predicates.resideInAnyPackage(
                            "io.omnireach.block..", "io.omnireach.sdk..", "io.omnireach.cli.."))))
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackages("io.omnireach.sdk..", "io.omnireach.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.omnireach.sdk..", "io.omnireach.cli..")
        .check(classes);
  }
}
