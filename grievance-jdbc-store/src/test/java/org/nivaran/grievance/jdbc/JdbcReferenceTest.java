package org.nivaran.grievance.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nivaran.grievance.jdbc.TenantFixtures.KANPUR;
import static org.nivaran.grievance.jdbc.TenantFixtures.LUCKNOW;
import static org.nivaran.grievance.jdbc.TenantFixtures.T0;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nivaran.grievance.actor.Level;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.ComplaintEvent.ComplaintRegistered;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.ExternalReference;
import org.nivaran.grievance.complaint.Lifecycle;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.jdbc.LogVerification.Alteration;
import org.nivaran.grievance.jdbc.LogVerification.Finding;
import org.nivaran.grievance.sla.Priority;
import org.nivaran.grievance.store.Append;
import org.nivaran.grievance.store.CreateResult;
import org.nivaran.grievance.store.DuplicateReferenceException;
import org.nivaran.grievance.store.NewComplaint;
import org.nivaran.grievance.tck.SampleDistrict;
import org.nivaran.grievance.tenant.TenantId;

/** External references in the JDBC store: one holder per tenant and source id, refused atomically, audited. */
class JdbcReferenceTest {
  private static final ExternalReference CPGRAMS = ExternalReference.of("CPGRAMS", "DARPG/E/2024/0001234");
  private static final ExternalReference HELPLINE = ExternalReference.of("CMH-181", "टिकट-९९");

  private static RegisterComplaint referring(int n, ExternalReference... references) {
    return RegisterComplaint.builder().from(SampleDistrict.request(n)).references(List.of(references)).build();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_reference_names_one_complaint_per_tenant_and_a_second_holder_is_refused_with_nothing_written(
      TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      JdbcComplaintStore store = db.store();
      Complaint lucknow = TenantFixtures.create(store, LUCKNOW, "C-1", T0, referring(2, CPGRAMS, HELPLINE), Optional.empty());
      Complaint kanpur = TenantFixtures.create(store, KANPUR, "C-1", T0, referring(4, CPGRAMS), Optional.empty());

      assertThat(store.findByReference(LUCKNOW, CPGRAMS)).contains(lucknow);
      assertThat(store.findByReference(LUCKNOW, HELPLINE)).as("exactly as given, Devanagari digits too").contains(lucknow);
      assertThat(store.findByReference(KANPUR, CPGRAMS)).as("the same reference in another tenant").contains(kanpur);
      assertThat(store.findByReference(KANPUR, HELPLINE)).isEmpty();
      assertThat(store.findByReference(TenantId.DEFAULT, CPGRAMS)).isEmpty();
      assertThat(store.findByReference(LUCKNOW, ExternalReference.of("CPGRAMS", "darpg/e/2024/0001234"))).isEmpty();

      assertThatThrownBy(() -> TenantFixtures.create(store, LUCKNOW, "C-2", T0, referring(6, HELPLINE), Optional.of("call-2")))
          .isInstanceOfSatisfying(DuplicateReferenceException.class, e -> {
            assertThat(e.reference()).isEqualTo(HELPLINE);
            assertThat(e.holder()).isEqualTo(ComplaintId.of("C-1"));
          });
      assertThat(store.find(LUCKNOW, ComplaintId.of("C-2"))).isEmpty();
      assertThat(store.events(LUCKNOW, ComplaintId.of("C-2"))).isEmpty();
      assertThat(store.findByIdempotencyKey(LUCKNOW, "call-2", referring(6, HELPLINE).fingerprint())).isEmpty();
      assertThat(TestDatabase.count(db.dataSource(), "SELECT COUNT(*) FROM nivaran_reference WHERE complaint_id = 'C-2'"))
          .isZero();
      assertThat(TestDatabase.count(db.dataSource(), "SELECT COUNT(*) FROM nivaran_reference")).isEqualTo(3);
      assertThat(store.verifyLog(LUCKNOW, lucknow.id()).findings()).isEmpty();
      assertThat(store.verifyLog(KANPUR, kanpur.id()).findings()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_create_replayed_under_its_key_returns_the_earlier_complaint_before_its_references_are_checked(
      TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      JdbcComplaintStore store = db.store();
      RegisterComplaint request = referring(2, CPGRAMS);
      Complaint first = TenantFixtures.create(store, LUCKNOW, "C-1", T0, request, Optional.of("call-1"));
      ComplaintRegistered again = Lifecycle.register(LUCKNOW, ComplaintId.of("C-9"), request, SampleDistrict.AGENT,
          T0.plusSeconds(30), Priority.NORMAL);

      CreateResult result = store.create(new NewComplaint(Lifecycle.start(again), List.of(again), Optional.of("call-1"),
          request.fingerprint()));

      assertThat(result).isInstanceOf(CreateResult.Replayed.class);
      assertThat(result.complaint()).isEqualTo(first);
      assertThat(store.find(LUCKNOW, ComplaintId.of("C-9"))).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void an_append_whose_state_gains_a_held_reference_is_refused_whole_and_a_new_one_is_claimed(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind)) {
      JdbcComplaintStore store = db.store();
      TenantFixtures.create(store, LUCKNOW, "C-1", T0, referring(2, CPGRAMS), Optional.empty());
      Complaint other = TenantFixtures.create(store, LUCKNOW, "C-2", T0, referring(4), Optional.empty());
      Append assign = TenantFixtures.decided(other,
          new ComplaintCommand.Assign(SampleDistrict.ENERGY_L1, "ENERGY", Level.L1),
          TenantFixtures.SYSTEM);

      Append clashing = new Append(withReferences(assign.state(), CPGRAMS, HELPLINE), assign.events(),
          assign.expectedVersion(), List.of());
      assertThatThrownBy(() -> store.append(clashing)).isInstanceOfSatisfying(DuplicateReferenceException.class,
          e -> assertThat(e.holder()).isEqualTo(ComplaintId.of("C-1")));
      assertThat(store.find(LUCKNOW, other.id())).contains(other);
      assertThat(store.events(LUCKNOW, other.id())).hasSize(1);
      assertThat(store.findByReference(LUCKNOW, HELPLINE)).as("no part of the change is kept").isEmpty();

      Map<ComplaintId, RuntimeException> skipped = store.appendAll(List.of(clashing));
      assertThat(skipped.get(other.id())).isInstanceOf(DuplicateReferenceException.class);

      Append gaining = new Append(withReferences(assign.state(), HELPLINE), assign.events(), assign.expectedVersion(),
          List.of());
      store.append(gaining);
      assertThat(store.findByReference(LUCKNOW, HELPLINE)).contains(gaining.state());
      List<Finding> findings = store.verifyLog(LUCKNOW, other.id()).findings();
      assertThat(findings).as("the state holds a reference no event gave it: the audit says so")
          .extracting(Finding::alteration).contains(Alteration.STATE, Alteration.REFERENCE);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void the_audit_finds_reference_rows_and_tenant_columns_that_disagree_with_the_log(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind)) {
      JdbcComplaintStore store = db.store();
      Complaint c = TenantFixtures.create(store, LUCKNOW, "C-1", T0, referring(2, CPGRAMS), Optional.empty());
      TenantFixtures.create(store, LUCKNOW, "C-2", T0, referring(4), Optional.empty());
      TamperFixtures.exec(db.dataSource(), "UPDATE nivaran_reference SET ref_id = 'DARPG/E/2024/9999999' WHERE complaint_id = ?",
          c.id().value());
      assertThat(store.verifyLog(LUCKNOW, c.id()).findings()).extracting(Finding::alteration)
          .containsExactly(Alteration.REFERENCE);

      for (String table : List.of("nivaran_complaint", "nivaran_event", "nivaran_reference")) {
        TamperFixtures.exec(db.dataSource(), "UPDATE " + table + " SET tenant_id = 'up-kanpur' WHERE "
            + (table.equals("nivaran_complaint") ? "id" : "complaint_id") + " = ?", "C-2");
      }
      assertThat(store.verifyLog(KANPUR, ComplaintId.of("C-2")).findings()).as("moved whole to another tenant")
          .extracting(Finding::alteration).containsExactly(Alteration.TENANT);

      TamperFixtures.exec(db.dataSource(), "DELETE FROM nivaran_complaint WHERE id = ?", c.id().value());
      assertThat(store.audit().auditReferences(10)).flatExtracting(LogVerification::findings)
          .extracting(Finding::alteration).contains(Alteration.REFERENCE, Alteration.DELETION);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void of_creates_racing_for_one_reference_one_wins_and_the_others_are_told_the_winner(TestDatabase.Kind kind)
      throws Exception {
    try (TestDatabase db = TestDatabase.create(kind, 8)) {
      JdbcComplaintStore store = db.store();
      int racers = 6;
      ExecutorService pool = Executors.newFixedThreadPool(racers);
      CountDownLatch start = new CountDownLatch(1);
      try {
        List<Future<Object>> outcomes = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
          String id = "C-RACE-" + i;
          int n = 2 * i;
          outcomes.add(pool.submit(() -> {
            start.await();
            try {
              return TenantFixtures.create(store, LUCKNOW, id, T0, referring(n, CPGRAMS), Optional.empty());
            } catch (DuplicateReferenceException e) {
              return e;
            }
          }));
        }
        start.countDown();
        List<Object> results = new ArrayList<>();
        for (Future<Object> f : outcomes) {
          results.add(f.get(30, TimeUnit.SECONDS));
        }
        List<Complaint> winners = results.stream().filter(Complaint.class::isInstance).map(Complaint.class::cast).toList();
        assertThat(winners).hasSize(1);
        assertThat(results).filteredOn(DuplicateReferenceException.class::isInstance).hasSize(racers - 1)
            .allSatisfy(e -> assertThat(((DuplicateReferenceException) e).holder()).isEqualTo(winners.get(0).id()));
        assertThat(TestDatabase.count(db.dataSource(), "SELECT COUNT(*) FROM nivaran_complaint")).isEqualTo(1);
        assertThat(store.findByReference(LUCKNOW, CPGRAMS)).contains(winners.get(0));
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private static Complaint withReferences(Complaint state, ExternalReference... references) {
    return Complaint.builder().from(state).references(List.of(references)).build();
  }
}
