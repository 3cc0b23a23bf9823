package org.nivaran.grievance.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.GrievanceException;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.observe.Refusals;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.directory.NoRouteException;
import org.nivaran.grievance.policy.CallerLimitReachedException;
import org.nivaran.grievance.policy.ReopenRefusedException;
import org.nivaran.grievance.store.StaleVersionException;
import org.nivaran.grievance.tenant.CrossTenantException;
import org.nivaran.grievance.tenant.TenantId;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * {@link Problems} answers every exception class of Nivaran's core deliberately (found by scanning
 * the core's classes, so a new one fails here until it is mapped), with the rule the starter's
 * metrics give it (core's {@code Refusals.rule}): every class, refusal or failure.
 */
class ReferenceProblemsTest {
  final Problems problems = new Problems();

  @Test
  void everyGrievanceExceptionOfTheCoreIsMapped() throws Exception {
    List<Class<?>> found = coreExceptions();
    assertThat(found).hasSizeGreaterThanOrEqualTo(20)
        .contains(NoRouteException.class, CrossTenantException.class, InvalidInputException.class);
    assertThat(found).allSatisfy(c -> assertThat(Problems.isMapped(c)).as(c.getName()).isTrue());
  }

  @Test
  void theRulesAreTheMetricsRules() throws Exception {
    List<GrievanceException> samples = List.of(
        new InvalidInputException("citizen.phone", "bad"),
        new StaleVersionException(ComplaintId.of("RPR-2026-000001"), 1, 2),
        new CallerLimitReachedException(PhoneNumber.parse("98765 43210", "phone"), 3, Instant.EPOCH,
            ZoneId.of("Asia/Kolkata")),
        new ReopenRefusedException(ComplaintId.of("RPR-2026-000001"), ReopenRefusedException.Reason.values()[0], "no"),
        new NoRouteException("roads.pothole", "pwd", "RAIPUR", Level.L1, List.of("RAIPUR")),
        new CrossTenantException(TenantId.of("cg-raipur"), TenantId.of("cg-durg"), "RPR-2026-000001"));
    for (GrievanceException e : samples) {
      assertThat(problems.refused(e).getBody().getProperties().get("rule")).as(e.getClass().getSimpleName())
          .isEqualTo(Refusals.rule(e));
    }
    // Problems answers every class with Refusals.rule (one call, sampled above). Of core's classes,
    // each failure is named by its simple class name: the rule reads only the class (but for
    // ActorNotPermittedException), so an instance made without a constructor serves.
    List<Class<?>> all = coreExceptions();
    int failures = 0;
    for (Class<?> type : all) {
      if (type == org.nivaran.grievance.complaint.ActorNotPermittedException.class) {
        continue;
      }
      GrievanceException e = (GrievanceException) unsafe().allocateInstance(type);
      String expected = Refusals.rule(e);
      if (!Refusals.isRefusal(e)) {
        failures++;
        assertThat(expected).as(type.getName()).isEqualTo(type.getSimpleName());
      }
    }
    assertThat(failures).as("failures among core's exceptions").isGreaterThanOrEqualTo(5);
  }

  @Test
  void aFailureOfCoreIsAnsweredByItsClassNameAsTheMetricsCountIt() {
    ResponseEntity<ProblemDetail> taken = problems.refused(
        new org.nivaran.grievance.store.DuplicateComplaintIdException(ComplaintId.of("RPR-2026-000001")));
    assertThat(taken.getStatusCode().value()).isEqualTo(503);
    assertThat(taken.getBody().getProperties()).containsEntry("rule", "DuplicateComplaintIdException");
  }

  private static sun.misc.Unsafe unsafe() throws ReflectiveOperationException {
    java.lang.reflect.Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
    f.setAccessible(true);
    return (sun.misc.Unsafe) f.get(null);
  }

  @Test
  void noRouteIs422OnTheJurisdictionAndCrossTenantIsNotRetried() {
    ResponseEntity<ProblemDetail> noRoute = problems.refused(
        new NoRouteException("roads.pothole", "pwd", "RAIPUR", Level.L1, List.of("RAIPUR")));
    assertThat(noRoute.getStatusCode().value()).isEqualTo(422);
    assertThat(noRoute.getBody().getProperties()).containsEntry("rule", "NO_ROUTE").containsEntry("field",
        "jurisdictionCode");

    ResponseEntity<ProblemDetail> cross = problems.refused(
        new CrossTenantException(TenantId.of("cg-raipur"), TenantId.of("cg-durg"), "RPR-2026-000001"));
    assertThat(cross.getStatusCode().value()).isEqualTo(500);
    assertThat(cross.getBody().getProperties()).containsEntry("rule", "CROSS_TENANT");
    assertThat(cross.getBody().getDetail()).contains("retrying will not help").doesNotContain("may be retried");

    ResponseEntity<ProblemDetail> limit = problems.refused(new CallerLimitReachedException(
        PhoneNumber.parse("98765 43210", "phone"), 3, Instant.EPOCH, ZoneId.of("Asia/Kolkata")));
    assertThat(limit.getStatusCode().value()).isEqualTo(403);
    assertThat(limit.getBody().toString()).doesNotContain("43210");
  }

  /** Every concrete subclass of {@link GrievanceException} in the core's classes (a directory or a jar). */
  static List<Class<?>> coreExceptions() throws IOException, URISyntaxException, ClassNotFoundException {
    Path root = Path.of(GrievanceException.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> names = new ArrayList<>();
    if (Files.isDirectory(root)) {
      try (Stream<Path> files = Files.walk(root)) {
        files.map(p -> root.relativize(p).toString().replace('\\', '/')).filter(n -> n.endsWith(".class"))
            .forEach(names::add);
      }
    } else {
      try (JarFile jar = new JarFile(root.toFile())) {
        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
          String n = e.nextElement().getName();
          if (n.endsWith(".class")) {
            names.add(n);
          }
        }
      }
    }
    List<Class<?>> out = new ArrayList<>();
    ClassLoader loader = GrievanceException.class.getClassLoader();
    for (String n : names) {
      if (n.endsWith("module-info.class") || n.endsWith("package-info.class")) {
        continue;
      }
      Class<?> c = Class.forName(n.substring(0, n.length() - ".class".length()).replace('/', '.'), false, loader);
      if (GrievanceException.class.isAssignableFrom(c) && c != GrievanceException.class
          && !Modifier.isAbstract(c.getModifiers())) {
        out.add(c);
      }
    }
    return out;
  }
}
