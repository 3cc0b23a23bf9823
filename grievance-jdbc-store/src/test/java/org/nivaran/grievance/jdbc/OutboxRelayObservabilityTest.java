package org.nivaran.grievance.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nivaran.grievance.jdbc.OutboxFixtures.T0;
import static org.nivaran.grievance.jdbc.OutboxFixtures.citizenMessage;
import static org.nivaran.grievance.jdbc.OutboxFixtures.insert;
import static org.nivaran.grievance.jdbc.OutboxFixtures.officerMessage;
import static org.nivaran.grievance.jdbc.OutboxFixtures.relay;
import static org.nivaran.grievance.jdbc.OutboxFixtures.rows;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nivaran.grievance.notify.DeliveryChannel;
import org.nivaran.grievance.notify.NotificationFailedException;
import org.nivaran.grievance.notify.NotificationKind;
import org.nivaran.grievance.observe.DeliveryOutcome;
import org.nivaran.grievance.observe.Instrumentation;
import org.nivaran.grievance.observe.Operation;
import org.nivaran.grievance.tck.MutableClock;
import org.nivaran.grievance.tenant.TenantId;
import org.slf4j.MDC;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.spi.MDCAdapter;

/**
 * The relay's deliveries observed: each message handed to the notifier inside one observed
 * operation, with the tenant and the complaint id (never the recipient's number) in the MDC, and
 * its outcome and latency reported. The tests' SLF4J binding (slf4j-simple) keeps no MDC, so these
 * tests give SLF4J a basic one for their duration, as a host's logging has.
 */
class OutboxRelayObservabilityTest {
  private static final TenantId DURG = TenantId.of("cg-durg");
  private static MDCAdapter before;

  @BeforeAll
  static void aRealMdc() throws ReflectiveOperationException {
    org.slf4j.LoggerFactory.getLogger(OutboxRelay.class); // SLF4J initialised first, so it cannot put its own back
    Field adapter = MDC.class.getDeclaredField("MDC_ADAPTER");
    adapter.setAccessible(true);
    before = (MDCAdapter) adapter.get(null);
    adapter.set(null, new BasicMDCAdapter());
  }

  @AfterAll
  static void theBindingsMdcAgain() throws ReflectiveOperationException {
    Field adapter = MDC.class.getDeclaredField("MDC_ADAPTER");
    adapter.setAccessible(true);
    adapter.set(null, before);
  }

  /** Records operations, outcomes and what the notifier saw, in order. */
  private static final class Recording implements Instrumentation {
    final List<Object> seen = new CopyOnWriteArrayList<>();

    @Override
    public void observe(Operation operation, Runnable work) {
      seen.add("start " + operation.kind() + " " + operation.tenant().value() + " "
          + operation.complaint().orElseThrow() + " " + operation.type().orElseThrow());
      work.run();
      seen.add("end");
    }

    @Override
    public void delivered(DeliveryOutcome outcome) {
      seen.add(outcome);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void each_delivery_is_observed_with_its_outcome_latency_and_the_complaint_in_the_mdc(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind, 2)) {
      insert(db.dataSource(), DURG, List.of(citizenMessage(1), officerMessage(2)));
      MutableClock clock = new MutableClock(T0.plusSeconds(90));
      Recording recording = new Recording();
      OutboxRelay r = relay(db.dataSource(), n -> {
        recording.seen.add("send " + MDC.get("nivaran.tenant") + " " + MDC.get("nivaran.complaint")
            + " " + MDC.getCopyOfContextMap());
        if (n.channel() == DeliveryChannel.WHATSAPP) {
          throw new NotificationFailedException(n.id(), false, "gateway busy");
        }
      }, clock).tenant(DURG).instrumentation(recording).build();
      MDC.put("nivaran.tenant", "the-hosts-own");

      assertThat(r.relayOnce()).isEqualTo(new RelayReport(2, 1, 1, 0, 0));

      assertThat(recording.seen).containsExactly(
          "start DELIVERY cg-durg RPR-2024-000001 REGISTERED",
          "send cg-durg RPR-2024-000001 {nivaran.tenant=cg-durg, nivaran.complaint=RPR-2024-000001}",
          new DeliveryOutcome(DURG, NotificationKind.REGISTERED, DeliveryChannel.SMS, DeliveryOutcome.Result.SENT,
              Duration.ofSeconds(90), 1),
          "end",
          "start DELIVERY cg-durg RPR-2024-000002 ASSIGNED",
          "send cg-durg RPR-2024-000002 {nivaran.tenant=cg-durg, nivaran.complaint=RPR-2024-000002}",
          new DeliveryOutcome(DURG, NotificationKind.ASSIGNED, DeliveryChannel.WHATSAPP,
              DeliveryOutcome.Result.RETRIED, Duration.ofSeconds(90), 1),
          "end");
      assertThat(recording.seen.toString()).doesNotContain("9876543210").doesNotContain("9812345678");
      assertThat(MDC.get("nivaran.tenant")).isEqualTo("the-hosts-own");
      assertThat(MDC.get("nivaran.complaint")).isNull();
      MDC.clear();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void a_dead_message_is_reported_dead_and_a_throwing_instrumentation_changes_nothing(TestDatabase.Kind kind) {
    try (TestDatabase db = TestDatabase.create(kind, 2)) {
      insert(db.dataSource(), List.of(citizenMessage(1), officerMessage(2)));
      List<DeliveryOutcome> outcomes = new CopyOnWriteArrayList<>();
      OutboxRelay r = relay(db.dataSource(), n -> {
        if (n.channel() == DeliveryChannel.WHATSAPP) {
          throw new NotificationFailedException(n.id(), true, "number not on WhatsApp");
        }
      }, new MutableClock(T0.plusSeconds(5))).instrumentation(new Instrumentation() {
        @Override
        public void observe(Operation operation, Runnable work) {
          work.run();
          throw new IllegalStateException("tracer down");
        }

        @Override
        public void delivered(DeliveryOutcome outcome) {
          outcomes.add(outcome);
          throw new IllegalStateException("registry closed");
        }
      }).build();

      assertThat(r.relayOnce()).isEqualTo(new RelayReport(2, 1, 0, 1, 0));

      assertThat(outcomes).extracting(DeliveryOutcome::result)
          .containsExactly(DeliveryOutcome.Result.SENT, DeliveryOutcome.Result.DEAD);
      assertThat(rows(db.dataSource()).values()).extracting(OutboxFixtures.Row::state).containsExactly("SENT", "DEAD");
    }
  }
}
