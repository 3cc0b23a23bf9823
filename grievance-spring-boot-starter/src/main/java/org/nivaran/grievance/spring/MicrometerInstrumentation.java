package org.nivaran.grievance.spring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.nivaran.grievance.observe.CommandOutcome;
import org.nivaran.grievance.observe.DeliveryOutcome;
import org.nivaran.grievance.observe.EscalationOutcome;
import org.nivaran.grievance.observe.Instrumentation;
import org.nivaran.grievance.observe.Operation;
import org.nivaran.grievance.observe.RegistrationOutcome;
import org.nivaran.grievance.observe.SweepOutcome;

/**
 * Nivaran's {@link Instrumentation} on Micrometer: a Micrometer {@link Observation} around each
 * registration, command, sweep and delivery (so a host with a tracer gets spans), and counters and
 * timers of their outcomes.
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th></tr>
 *   <tr><td>{@value #REGISTRATIONS}</td><td>counter</td><td>tenant, channel, outcome, rule</td></tr>
 *   <tr><td>{@value #COMMANDS}</td><td>counter</td><td>tenant, command, outcome, rule</td></tr>
 *   <tr><td>{@value #ESCALATIONS}</td><td>counter</td><td>tenant, action, level</td></tr>
 *   <tr><td>{@value #SLA_BREACHES}</td><td>counter</td><td>tenant, deadline, level</td></tr>
 *   <tr><td>{@value #SWEEP_DURATION}</td><td>timer</td><td>tenant, outcome</td></tr>
 *   <tr><td>{@value #DELIVERY_LATENCY}</td><td>timer</td><td>tenant, channel, outcome</td></tr>
 * </table>
 *
 * <p>{@code outcome} is the lower-case name of the outcome's result ({@code registered},
 * {@code linked}, {@code returned_existing}, {@code refused}, {@code failed}; {@code done}; {@code
 * completed}; {@code sent}, {@code retried}, {@code dead}); {@code rule} the refusal's rule or the
 * failure's exception type, {@code none} otherwise; {@code channel}, {@code command},
 * {@code action} the enum constants' names; {@code level} {@code L1}..; {@code deadline}
 * {@code resolution} or {@code first_response}. Every tag has few values: never a phone number, a
 * name, or a complaint id.
 *
 * <p>The observations are named {@value #OBSERVE_REGISTRATION}, {@value #OBSERVE_COMMAND},
 * {@value #OBSERVE_SWEEP} and {@value #OBSERVE_DELIVERY}, with the low-cardinality keys
 * {@code tenant}, the operation's type ({@code channel}, {@code command} or {@code kind}) and,
 * added when the outcome is reported, {@code outcome} and {@code rule} (registrations and commands);
 * and the complaint id as the high-cardinality key {@value #COMPLAINT_KEY}.
 *
 * <p>Thread-safe.
 */
public final class MicrometerInstrumentation implements Instrumentation {
  /** Registrations by channel and outcome. */
  public static final String REGISTRATIONS = "nivaran.registrations";
  /** Commands by type and outcome. */
  public static final String COMMANDS = "nivaran.commands";
  /** Escalation sweeps' actions. */
  public static final String ESCALATIONS = "nivaran.escalations";
  /** SLA breaches the sweeps found (see {@link EscalationOutcome}). */
  public static final String SLA_BREACHES = "nivaran.sla.breaches";
  /** How long sweeps take. */
  public static final String SWEEP_DURATION = "nivaran.sweep.duration";
  /** From a notification's creation to the notifier's answer. */
  public static final String DELIVERY_LATENCY = "nivaran.outbox.delivery.latency";
  /** The observation of a registration. */
  public static final String OBSERVE_REGISTRATION = "nivaran.registration";
  /** The observation of a command. */
  public static final String OBSERVE_COMMAND = "nivaran.command";
  /** The observation of a sweep. */
  public static final String OBSERVE_SWEEP = "nivaran.sweep";
  /** The observation of a delivery. */
  public static final String OBSERVE_DELIVERY = "nivaran.delivery";
  /** The high-cardinality key of an observation holding the complaint id. */
  public static final String COMPLAINT_KEY = "nivaran.complaint";

  private static final String NONE = "none";

  private final MeterRegistry meters;
  private final ObservationRegistry observations;

  /**
   * Measures into a registry and observes with another.
   *
   * @param meters where the counters and timers go
   * @param observations where the observations go; {@link ObservationRegistry#NOOP} for none
   */
  public MicrometerInstrumentation(MeterRegistry meters, ObservationRegistry observations) {
    this.meters = Objects.requireNonNull(meters, "meters");
    this.observations = Objects.requireNonNull(observations, "observations");
  }

  @Override
  public void observe(Operation operation, Runnable work) {
    Observation observation = Observation.createNotStarted(name(operation.kind()), observations)
        .lowCardinalityKeyValue("tenant", operation.tenant().value());
    operation.type().ifPresent(t -> observation.lowCardinalityKeyValue(typeKey(operation.kind()), t));
    operation.complaint().ifPresent(c -> observation.highCardinalityKeyValue(COMPLAINT_KEY, c.value()));
    observation.observe(work);
  }

  @Override
  public void registered(RegistrationOutcome o) {
    String outcome = lower(o.result());
    String rule = o.rule().orElse(NONE);
    Counter.builder(REGISTRATIONS).description("Registrations by channel and outcome")
        .tags(Tags.of("tenant", o.tenant().value(), "channel", o.channel().name(), "outcome", outcome, "rule", rule))
        .register(meters).increment();
    current(OBSERVE_REGISTRATION).ifPresent(obs -> {
      obs.lowCardinalityKeyValue("outcome", outcome).lowCardinalityKeyValue("rule", rule);
      o.complaint().ifPresent(c -> obs.highCardinalityKeyValue(COMPLAINT_KEY, c.value()));
    });
  }

  @Override
  public void commanded(CommandOutcome o) {
    String outcome = lower(o.result());
    String rule = o.rule().orElse(NONE);
    Counter.builder(COMMANDS).description("Commands by type and outcome")
        .tags(Tags.of("tenant", o.tenant().value(), "command", o.command().name(), "outcome", outcome, "rule", rule))
        .register(meters).increment();
    current(OBSERVE_COMMAND).ifPresent(obs -> obs.lowCardinalityKeyValue("outcome", outcome)
        .lowCardinalityKeyValue("rule", rule));
  }

  @Override
  public void escalated(EscalationOutcome o) {
    String level = o.from().toString();
    Counter.builder(ESCALATIONS).description("Actions of the escalation sweeps")
        .tags(Tags.of("tenant", o.tenant().value(), "action", o.action(), "level", level))
        .register(meters).increment();
    o.breach().ifPresent(b -> Counter.builder(SLA_BREACHES).description("SLA deadlines the escalation sweeps found passed")
        .tags(Tags.of("tenant", o.tenant().value(), "deadline", lower(b), "level", level))
        .register(meters).increment());
  }

  @Override
  public void swept(SweepOutcome o) {
    String outcome = o.completed() ? "completed" : "failed";
    Timer.builder(SWEEP_DURATION).description("How long escalation sweeps take")
        .tags(Tags.of("tenant", o.tenant().value(), "outcome", outcome))
        .register(meters).record(o.duration());
    current(OBSERVE_SWEEP).ifPresent(obs -> obs.lowCardinalityKeyValue("outcome", outcome));
  }

  @Override
  public void delivered(DeliveryOutcome o) {
    String outcome = lower(o.result());
    Timer.builder(DELIVERY_LATENCY).description("From a notification's creation to the notifier's answer")
        .tags(Tags.of("tenant", o.tenant().value(), "channel", o.channel().name(), "outcome", outcome))
        .register(meters).record(o.latency());
    current(OBSERVE_DELIVERY).ifPresent(obs -> obs.lowCardinalityKeyValue("outcome", outcome));
  }

  /** The observation the report is made in: the current one, if it is Nivaran's of that name. */
  private Optional<Observation> current(String name) {
    Observation current = observations.getCurrentObservation();
    if (current == null || current.isNoop() || !name.equals(current.getContext().getName())) {
      return Optional.empty();
    }
    return Optional.of(current);
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  private static String name(Operation.Kind kind) {
    return switch (kind) {
      case REGISTRATION -> OBSERVE_REGISTRATION;
      case COMMAND -> OBSERVE_COMMAND;
      case SWEEP -> OBSERVE_SWEEP;
      case DELIVERY -> OBSERVE_DELIVERY;
    };
  }

  private static String typeKey(Operation.Kind kind) {
    return switch (kind) {
      case REGISTRATION -> "channel";
      case COMMAND -> "command";
      case SWEEP -> "type";
      case DELIVERY -> "kind";
    };
  }

  @Override
  public String toString() {
    return "MicrometerInstrumentation[" + meters.getClass().getSimpleName() + "]";
  }
}
