package org.nivaran.grievance.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the package picture true: the domain imports neither JDBC nor Jackson, no public signature
 * exposes {@code internal} or Guava, the feature packages form no cycle, and they use the root
 * package (the facade) only for its exceptions.
 */
class ArchitectureTest {
  private static final String ROOT = "org.nivaran.grievance";
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(ROOT);
  }

  @Test
  void the_classes_were_imported() {
    assertThatImported("org.nivaran.grievance.Grievances");
    assertThatImported("org.nivaran.grievance.complaint.Lifecycle");
    assertThatImported("org.nivaran.grievance.json.NivaranJacksonModule");
    assertThatImported("org.nivaran.grievance.usecase.CommandExecution");
  }

  @Test
  void domain_packages_use_neither_jdbc_nor_jackson() {
    noClasses().that().resideInAPackage(ROOT + "..")
        .and().resideOutsideOfPackage(ROOT + ".json..")
        .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "com.fasterxml.jackson..")
        .check(classes);
  }

  @Test
  void feature_packages_are_free_of_cycles() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
  }

  /**
   * The root package is the facade ({@code Grievances}) and the root of the exceptions. Feature
   * packages may use its exceptions and nothing else, so the facade can depend on all of them
   * without a real cycle.
   */
  @Test
  void feature_packages_use_only_the_root_packages_exceptions() {
    noClasses().that().resideInAPackage(ROOT + ".*..")
        .should().dependOnClassesThat(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "are in the root package but are not its exceptions",
                (JavaClass c) -> c.getPackageName().equals(ROOT) && !c.isAssignableTo(RuntimeException.class)))
        .check(classes);
  }

  /** The use cases serve the facade; they never call it back. */
  private static final ArchRule USE_CASES_NEVER_CALL_THE_FACADE = noClasses().that().resideInAPackage(ROOT + ".usecase..")
      .should().dependOnClassesThat().haveNameMatching(ROOT.replace(".", "\\.") + "\\.Grievances.*");

  @Test
  void use_cases_never_call_the_facade() {
    USE_CASES_NEVER_CALL_THE_FACADE.check(classes);
  }

  /**
   * Arrows point down: the facade calls the use cases, the use cases call the domain and the SPIs,
   * and no domain package (nor the JSON module) calls a use case.
   */
  @Test
  void the_domain_never_calls_use_cases() {
    noClasses().that().resideInAPackage(ROOT + ".*..")
        .and().resideOutsideOfPackage(ROOT + ".usecase..")
        .should().dependOnClassesThat().resideInAPackage(ROOT + ".usecase..")
        .check(classes);
  }

  @Test
  void the_use_case_rule_catches_a_call_back_into_the_facade() {
    JavaClasses calling = new ClassFileImporter().importClasses(org.nivaran.grievance.usecase.CallsBackIntoTheFacade.class);
    assertThat(USE_CASES_NEVER_CALL_THE_FACADE.evaluate(calling).getFailureReport().getDetails())
        .anySatisfy(d -> assertThat(d).contains("CallsBackIntoTheFacade").contains("Grievances"));
  }

  @Test
  void no_public_signature_exposes_internal_or_guava_types() {
    classes().that().resideOutsideOfPackage(ROOT + ".internal..").and().arePublic()
        .should(exposeOnlyPublicApiTypes())
        .check(classes);
  }

  @Test
  void the_signature_rule_catches_a_leak() {
    JavaClasses leaky = new ClassFileImporter().importClasses(Leaky.class);
    assertThat(classes().should(exposeOnlyPublicApiTypes()).evaluate(leaky).getFailureReport().getDetails())
        .anySatisfy(d -> assertThat(d).contains("exposes org.nivaran.grievance.internal.Texts"))
        .anySatisfy(d -> assertThat(d).contains("exposes com.google.common.collect.ImmutableList"));
  }

  /** A class that leaks an internal type and a Guava type, for the test above. */
  public static final class Leaky {
    public org.nivaran.grievance.internal.Texts texts() {
      return null;
    }

    public void take(java.util.List<com.google.common.collect.ImmutableList<String>> lists) {}
  }

  private static void assertThatImported(String name) {
    if (!classes.contain(name)) {
      throw new AssertionError(name + " was not imported; the rules above would pass vacuously");
    }
  }

  private static ArchCondition<JavaClass> exposeOnlyPublicApiTypes() {
    return new ArchCondition<>("expose no internal or Guava type in a public or protected signature") {
      @Override
      public void check(JavaClass cls, ConditionEvents events) {
        List<JavaType> exposed = new ArrayList<>();
        cls.getRawSuperclass().ifPresent(exposed::add);
        exposed.addAll(cls.getRawInterfaces());
        for (JavaCodeUnit unit : cls.getCodeUnits()) {
          if (unit.getModifiers().contains(JavaModifier.PUBLIC) || unit.getModifiers().contains(JavaModifier.PROTECTED)) {
            exposed.add(unit.getReturnType());
            exposed.addAll(unit.getParameterTypes());
            unit.getExceptionTypes().forEach(exposed::add);
          }
        }
        cls.getFields().stream()
            .filter(f -> f.getModifiers().contains(JavaModifier.PUBLIC) || f.getModifiers().contains(JavaModifier.PROTECTED))
            .forEach(f -> exposed.add(f.getType()));
        for (JavaType type : exposed) {
          for (JavaClass involved : type.getAllInvolvedRawTypes()) {
            String pkg = involved.getPackageName();
            if (pkg.startsWith(ROOT + ".internal") || pkg.startsWith("com.google.common")) {
              events.add(SimpleConditionEvent.violated(cls, cls.getName() + " exposes " + involved.getName()));
            }
          }
        }
      }
    };
  }
}
