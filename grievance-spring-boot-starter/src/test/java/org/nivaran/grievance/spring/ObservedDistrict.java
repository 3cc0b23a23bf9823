package org.nivaran.grievance.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Channel;
import org.nivaran.grievance.complaint.Complainant;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintCommand;
import org.nivaran.grievance.complaint.IllegalTransitionException;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.escalation.EscalationPolicies;
import org.nivaran.grievance.escalation.LadderPolicy;
import org.nivaran.grievance.jdbc.OutboxRelay;
import org.nivaran.grievance.notify.NotificationFailedException;
import org.nivaran.grievance.notify.Notifier;
import org.nivaran.grievance.notify.RecipientRole;
import org.nivaran.grievance.tck.MutableClock;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The observed district of the starter's observability tests: the host's beans (a meter registry,
 * a test observation registry, a notifier that gives up on citizens' messages, a controllable
 * clock) and one scenario run on H2 and on PostgreSQL: registrations (one refused), commands (one
 * refused), a sweep that escalates one complaint and then finds it blocked one level up, a drain
 * that sends the officers' messages and kills the citizens', and what the meters, the observations
 * and the health indicator then say.
 */
final class ObservedDistrict {
  static final Instant T0 = Instant.parse("2024-03-04T05:30:00Z"); // Mon 4 March 2024, 11:00 IST
  static final String PHONE_DIGITS = "9876543210";

  private ObservedDistrict() {}

  /** The host's beans. */
  @Configuration(proxyBeanMethods = false)
  static class HostBeans {
    @Bean
    EscalationPolicies policies() {
      return EscalationPolicies.of(LadderPolicy.madhyaPradesh("cg-7d-per-level", "CG-OFFICE"));
    }

    @Bean
    Notifier notifier() {
      return n -> {
        if (n.recipient().role() == RecipientRole.CITIZEN) {
          throw new NotificationFailedException(n.id(), true, "the number does not take SMS");
        }
      };
    }

    @Bean
    Clock clock() {
      return new MutableClock(T0);
    }

    @Bean
    SimpleMeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }

    @Bean
    TestObservationRegistry observationRegistry() {
      return TestObservationRegistry.create();
    }
  }

  /** The properties of a context whose schedules are off, so the test sweeps and drains itself. */
  static String[] properties(String url) {
    return new String[] {
        "spring.datasource.url=" + url,
        "nivaran.id-prefix=RPR",
        "nivaran.directory-file=" + java.nio.file.Path.of("src/test/resources/nivaran/directory.json").toAbsolutePath(),
        "nivaran.calendars-file=" + java.nio.file.Path.of("src/test/resources/nivaran/calendars.json").toAbsolutePath(),
        "nivaran.escalator.enabled=false",
        "nivaran.relay.enabled=false",
        "nivaran.observability.outbox-counts-refresh=0s",
        "nivaran.health.dead-letters-threshold=0",
        "nivaran.health.stuck-threshold=0"};
  }

  static RegisterComplaint request(String category, String phone) {
    return RegisterComplaint.builder()
        .channel(Channel.PHONE_CALL)
        .citizen(Complainant.of("सुनीता वर्मा", phone, "hi"))
        .categoryCode(category)
        .jurisdictionCode("RAIPUR-W12")
        .description("तीन दिन से बिजली नहीं है")
        .build();
  }

  /** Binds the outbox gauges as Spring Boot's metrics auto-configuration would. */
  static void bindGauges(ApplicationContext context) {
    context.getBean("nivaranOutboxGauges", MeterBinder.class).bindTo(context.getBean(MeterRegistry.class));
  }

  /** Runs the scenario in a started context and checks what is measured, observed and reported. */
  static void runScenario(ApplicationContext context) {
    Grievances g = context.getBean(Grievances.class);
    MeterRegistry meters = context.getBean(MeterRegistry.class);
    TestObservationRegistry observations = context.getBean(TestObservationRegistry.class);
    MutableClock clock = (MutableClock) context.getBean(Clock.class);
    org.nivaran.grievance.spring.NivaranHealthIndicator health =
        context.getBean(org.nivaran.grievance.spring.NivaranHealthIndicator.class);
    bindGauges(context);
    String tenant = g.tenant().value();

    assertThat(health.health().getStatus()).isEqualTo(Status.UP);

    Complaint resolved = g.register(request("energy.supply", "098765 43210"), Actor.agent("AGENT-17"));
    Complaint waiting = g.register(request("energy.supply", "098765 43211"), Actor.agent("AGENT-17"));
    assertThatThrownBy(() -> g.register(request("no.such", "098765 43212"), Actor.agent("AGENT-17")))
        .isInstanceOf(InvalidInputException.class);
    Actor ae = Actor.officer("CSPDCL-4410", PostId.of("AE-RAIPUR"));
    ComplaintCommand resolve = new ComplaintCommand.Resolve("ट्रांसफ़ॉर्मर बदला गया", List.of());
    g.execute(resolved.id(), resolve, ae);
    assertThatThrownBy(() -> g.execute(resolved.id(), resolve, ae)).isInstanceOf(IllegalTransitionException.class);

    assertThat(count(meters, "nivaran.registrations", "tenant", tenant, "channel", "PHONE_CALL", "outcome", "registered",
        "rule", "none")).isEqualTo(2);
    assertThat(count(meters, "nivaran.registrations", "outcome", "refused", "rule", "INVALID_INPUT")).isEqualTo(1);
    assertThat(count(meters, "nivaran.commands", "tenant", tenant, "command", "RESOLVE", "outcome", "done", "rule", "none"))
        .isEqualTo(1);
    assertThat(count(meters, "nivaran.commands", "command", "RESOLVE", "outcome", "refused", "rule", "ILLEGAL_TRANSITION"))
        .isEqualTo(1);

    clock.set(T0.plus(Duration.ofDays(40))); // past L1's seven working days and L2's; EE-RAIPUR has no post above
    g.escalator().sweep();
    assertThat(g.get(waiting.id()).post()).contains(PostId.of("EE-RAIPUR"));
    assertThat(count(meters, "nivaran.escalations", "tenant", tenant, "action", "ESCALATED", "level", "L1")).isEqualTo(1);
    assertThat(count(meters, "nivaran.escalations", "action", "BLOCKED", "level", "L2")).isEqualTo(1);
    assertThat(count(meters, "nivaran.sla.breaches", "deadline", "resolution", "level", "L1")).isEqualTo(1);
    assertThat(count(meters, "nivaran.sla.breaches", "deadline", "resolution", "level", "L2")).isEqualTo(1);
    assertThat(meters.get("nivaran.sweep.duration").tags("tenant", tenant, "outcome", "completed").timer().count())
        .isEqualTo(1);

    assertThat(health.health()).satisfies(h -> {
      assertThat(h.getStatus()).isEqualTo(Status.DOWN);
      assertThat(h.getDetails()).containsEntry("stuck", 1).containsEntry("dead", 0L).containsEntry("database", "reachable");
    });

    context.getBean(OutboxRelay.class).drain();
    var sent = meters.get("nivaran.outbox.delivery.latency").tags("tenant", tenant, "outcome", "sent").timer();
    var dead = meters.get("nivaran.outbox.delivery.latency").tags("tenant", tenant, "outcome", "dead").timer();
    assertThat(sent.count()).isPositive();
    assertThat(dead.count()).isPositive();
    assertThat(sent.max(TimeUnit.DAYS)).isGreaterThanOrEqualTo(39); // made at registration, sent 40 days on
    assertThat(meters.get("nivaran.outbox.dead").tags("tenant", tenant).gauge().value()).isEqualTo((double) dead.count());
    assertThat(meters.get("nivaran.outbox.pending").tags("tenant", tenant).gauge().value()).isZero();
    Health afterDrain = health.health();
    assertThat(afterDrain.getStatus()).isEqualTo(Status.DOWN);
    assertThat(afterDrain.getDetails()).containsEntry("dead", dead.count()).containsEntry("pending", 0L);

    TestObservationRegistryAssert.assertThat(observations)
        .hasNumberOfObservationsWithNameEqualTo("nivaran.registration", 3)
        .hasNumberOfObservationsWithNameEqualTo("nivaran.command", 2)
        .hasNumberOfObservationsWithNameEqualTo("nivaran.sweep", 1)
        .hasNumberOfObservationsWithNameEqualTo("nivaran.delivery", (int) (sent.count() + dead.count()));
    for (String name : List.of("nivaran.registration", "nivaran.command", "nivaran.sweep", "nivaran.delivery")) {
      TestObservationRegistryAssert.assertThat(observations).hasObservationWithNameEqualTo(name).that()
          .hasBeenStarted().hasBeenStopped().hasLowCardinalityKeyValue("tenant", tenant);
    }
    TestObservationRegistryAssert.assertThat(observations).hasHandledContextsThatSatisfy(contexts -> {
      List<String> commands = contexts.stream().filter(c -> c.getName().equals("nivaran.command"))
          .map(c -> value(c, "outcome") + "/" + value(c, "rule") + "/" + c.getHighCardinalityKeyValue("nivaran.complaint").getValue())
          .toList();
      assertThat(commands).containsExactly("done/none/" + resolved.id(), "refused/ILLEGAL_TRANSITION/" + resolved.id());
      assertThat(contexts.stream().filter(c -> c.getName().equals("nivaran.registration")).map(c -> value(c, "outcome")))
          .containsExactly("registered", "registered", "refused");
      assertThat(contexts.stream().filter(c -> c.getName().equals("nivaran.delivery")).map(c -> value(c, "outcome")))
          .contains("sent", "dead");
      List<String> everyValue = new ArrayList<>();
      contexts.forEach(c -> c.getAllKeyValues().forEach(kv -> everyValue.add(kv.getValue())));
      assertThat(String.join(" ", everyValue)).doesNotContain(PHONE_DIGITS).doesNotContain("सुनीता");
    });
    noPersonalDataIn(meters, afterDrain);
  }

  private static String value(Observation.Context c, String key) {
    KeyValue kv = c.getLowCardinalityKeyValue(key);
    return kv == null ? null : kv.getValue();
  }

  static double count(MeterRegistry meters, String name, String... tags) {
    return meters.get(name).tags(tags).counters().stream().mapToDouble(c -> c.count()).sum();
  }

  /** No meter tag and no health detail holds a citizen's number or name, or a complaint id. */
  static void noPersonalDataIn(MeterRegistry meters, Health health) {
    List<String> tagValues = new ArrayList<>();
    for (Meter m : meters.getMeters()) {
      for (Tag t : m.getId().getTags()) {
        tagValues.add(t.getKey() + "=" + t.getValue());
      }
    }
    assertThat(tagValues).isNotEmpty();
    assertThat(String.join(" ", tagValues)).doesNotContain("98765").doesNotContain("सुनीता").doesNotContain("RPR-");
    assertThat(health.getDetails().toString()).doesNotContain("98765").doesNotContain("RPR-");
  }
}
