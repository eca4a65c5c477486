package dev.interlock.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The module walls of CONVENTIONS.md, checked on the compiled production classes of every module. */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.interlock");

  private static final String[] TRIGGER_FAMILIES = {
    "dev.interlock.trigger.signuplogin..", "dev.interlock.trigger.mfa..", "dev.interlock.trigger.password..",
    "dev.interlock.trigger.m2m..", "dev.interlock.trigger.tokenexchange.."
  };

  private static final String[] LIBRARY_ADAPTERS = {
    "dev.interlock.adapter.rhino..", "dev.interlock.adapter.micrometer..", "dev.interlock.adapter.jdbc..",
    "dev.interlock.adapter.npm.."
  };

  @Test
  void coreDependsOnTheJdkOnly() {
    ArchRule rule =
        classes().that().resideInAPackage("dev.interlock.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.interlock.core..", "java..", "javax.crypto..", "javax.security..", "org.jspecify..")
            .because("the domain must stay pure: any technology belongs in an adapter");
    rule.check(CLASSES);
  }

  @Test
  void triggerFamiliesDependOnlyOnCore() {
    for (String family : TRIGGER_FAMILIES) {
      classes().that().resideInAPackage(family)
          .should().onlyDependOnClassesThat().resideInAnyPackage(family, "dev.interlock.core..", "java..", "javax.crypto..", "org.jspecify..")
          .allowEmptyShould(true)
          .because("a trigger family is a contract on top of core, usable without any adapter or other family")
          .check(CLASSES);
    }
  }

  @Test
  void libraryAdaptersDoNotDependOnEachOther() {
    for (String adapter : LIBRARY_ADAPTERS) {
      for (String other : LIBRARY_ADAPTERS) {
        if (!adapter.equals(other)) {
          noClasses().that().resideInAPackage(adapter)
              .should().dependOnClassesThat().resideInAPackage(other)
              .allowEmptyShould(true)
              .because("adapters are interchangeable: only the transports assemble them")
              .check(CLASSES);
        }
      }
    }
  }

  @Test
  void transportsDoNotDependOnEachOther() {
    noClasses().that().resideInAPackage("dev.interlock.adapter.http..")
        .should().dependOnClassesThat().resideInAPackage("dev.interlock.adapter.cli..")
        .allowEmptyShould(true).because("the HTTP service and the CLI are separate doors onto the same core")
        .check(CLASSES);
    noClasses().that().resideInAPackage("dev.interlock.adapter.cli..")
        .should().dependOnClassesThat().resideInAPackage("dev.interlock.adapter.http..")
        .allowEmptyShould(true).because("the HTTP service and the CLI are separate doors onto the same core")
        .check(CLASSES);
  }

  @Test
  void eachTechnologyStaysInItsAdapter() {
    technology("org.mozilla..", "dev.interlock.adapter.rhino..");
    technology("com.google.javascript..", "dev.interlock.adapter.rhino..");
    technology("io.micrometer..", "dev.interlock.adapter.micrometer..", "dev.interlock.adapter.http..", "dev.interlock.adapter.cli..");
    technology("picocli..", "dev.interlock.adapter.cli..");
    technology("com.fasterxml.jackson..", "dev.interlock.adapter.http..", "dev.interlock.adapter.cli..", "dev.interlock.adapter.jdbc..");
    technology("java.sql..", "dev.interlock.adapter.jdbc..");
  }

  private static void technology(String tech, String... homes) {
    noClasses().that().resideOutsideOfPackages(homes)
        .should().dependOnClassesThat().resideInAPackage(tech)
        .because(tech + " is a technology choice that only its adapter may make")
        .check(CLASSES);
  }

  @Test
  void coreAndTriggerFamiliesCarryNoDependencyInjection() {
    noClasses().that().resideInAnyPackage(concat("dev.interlock.core..", TRIGGER_FAMILIES))
        .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "javax.inject..", "jakarta.inject..")
        .because("wiring is the composition root's job; the domain is plain Java")
        .check(CLASSES);
  }

  /**
   * Cycles are checked between modules (core, each family, each adapter, wiring, test kit). Inside
   * core the API packages still reference each other (for example {@code execution} names {@code
   * TriggerId} and {@code trigger} names {@code Command}); untangling that is tracked as a known gap.
   */
  @Test
  void modulesHaveNoDependencyCycles() {
    slices().matching("dev.interlock.(*)..").should().beFreeOfCycles()
        .because("cycles between modules make them impossible to build, reason about or replace")
        .check(CLASSES);
    slices().matching("dev.interlock.trigger.(*)..").should().beFreeOfCycles().allowEmptyShould(true)
        .because("trigger families are independent of each other").check(CLASSES);
    slices().matching("dev.interlock.adapter.(*)..").should().beFreeOfCycles().allowEmptyShould(true)
        .because("adapters are independent of each other").check(CLASSES);
  }

  @Test
  void internalPackagesAreUsedOnlyByTheirOwnModule() {
    internalOf("dev.interlock.core");
    internalOf("dev.interlock.adapter.rhino");
    internalOf("dev.interlock.adapter.micrometer");
    internalOf("dev.interlock.adapter.jdbc");
    internalOf("dev.interlock.adapter.npm");
    internalOf("dev.interlock.adapter.http");
    internalOf("dev.interlock.adapter.cli");
    for (String family : TRIGGER_FAMILIES) {
      internalOf(family.substring(0, family.length() - 2));
    }
  }

  private static void internalOf(String module) {
    classes().that().resideInAPackage(module + ".internal..")
        .should().onlyBeAccessed().byAnyPackage(module + "..")
        .allowEmptyShould(true)
        .because("internal packages are implementation details of " + module)
        .check(CLASSES);
  }

  @Test
  void onlyTheCliWritesToStandardStreams() {
    noClasses().that().resideOutsideOfPackage("dev.interlock.adapter.cli..")
        .and().doNotHaveFullyQualifiedName("dev.interlock.adapter.http.internal.ServerHelp")
        .should().accessField(System.class, "out")
        .orShould().accessField(System.class, "err")
        .because("libraries report through records, loggers and observers; only the CLI owns the terminal"
            + " (and the server's --help, which the user asks for on a terminal)")
        .check(CLASSES);
  }

  private static String[] concat(String first, String[] rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }
}
