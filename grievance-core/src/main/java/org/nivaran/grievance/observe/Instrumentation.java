package org.nivaran.grievance.observe;

/**
 * What a host implements to observe Nivaran: metrics, traces, or both. Every method has a default
 * that does nothing, so an implementation overrides only what it needs; {@link #none()} is the
 * default of {@code GrievancesBuilder.instrumentation}, {@code Escalator.Builder.instrumentation}
 * and the JDBC {@code OutboxRelay.Builder.instrumentation}.
 *
 * <h2>Wrapping and reporting</h2>
 *
 * <p>Each registration, command, escalation sweep and outbox delivery runs as
 * {@link #observe(Operation, Runnable) observe(operation, work)}: the implementation may start a
 * span or an observation, must call {@code work.run()} once on the calling thread, and ends its span
 * when that returns or throws. While {@code work} runs, on the same thread and so inside whatever
 * scope {@code observe} opened, Nivaran reports what became of it: {@link #registered},
 * {@link #commanded}, {@link #escalated} (once per action of a sweep) and {@link #swept},
 * {@link #delivered}. An implementation can therefore count the outcome and also tag the span it
 * opened with it (the starter adds {@code outcome} and {@code rule} to its current observation).
 * Around {@code observe} the SLF4J MDC holds {@code nivaran.tenant} and, when the complaint is
 * known beforehand (a command, a delivery), {@code nivaran.complaint}.
 *
 * <h2>Failures</h2>
 *
 * <p>An instrumentation never changes what the work returns or throws ({@link Instrumented} enforces
 * it): an exception thrown by a report method is logged (WARN, by the logger
 * {@code org.nivaran.grievance.observe.Instrumented}) and dropped; one thrown by {@code observe} is
 * logged and dropped too, and the caller gets the work's own result or exception. If {@code observe}
 * throws before calling {@code work}, or returns without calling it, Nivaran runs the work itself,
 * unobserved; {@code work} runs at most once however often it is called (a second call throws
 * {@link IllegalStateException}); an exception of the work that {@code observe} swallows still
 * reaches the caller. A command stored is therefore reported stored, and one refused stays refused,
 * whatever the instrumentation does. The same holds for an {@link Error} of the instrumentation (a
 * {@link LinkageError} from a tracer missing a class, an {@link AssertionError}): logged and dropped,
 * since a command it hid might already be stored. Only a {@link VirtualMachineError} (out of memory, stack
 * overflow) propagates.
 *
 * <p>Implementations must be thread-safe: Nivaran calls them from every thread that registers,
 * runs a command, sweeps or relays, concurrently. They should be quick: they run inside the work
 * they observe (a delivery's report runs between two messages of a relay's batch).
 */
public interface Instrumentation {

  /**
   * An instrumentation that observes nothing.
   *
   * @return the shared no-op instance
   */
  static Instrumentation none() {
    return NoInstrumentation.INSTANCE;
  }

  /**
   * Runs one operation: must call {@code work.run()} exactly once, on the calling thread, and let
   * its exceptions propagate (see the class description for what happens otherwise). The default
   * just runs it.
   *
   * @param operation what is about to run
   * @param work the operation itself
   */
  default void observe(Operation operation, Runnable work) {
    work.run();
  }

  /**
   * A registration ended, with a complaint or refused.
   *
   * @param outcome what became of it
   */
  default void registered(RegistrationOutcome outcome) {}

  /**
   * A command on a complaint ended, stored or refused.
   *
   * @param outcome what became of it
   */
  default void commanded(CommandOutcome outcome) {}

  /**
   * A sweep acted on a complaint: one call per action, in the order of the sweep's report, before
   * {@link #swept}.
   *
   * @param outcome the action and the SLA breach it records, if any
   */
  default void escalated(EscalationOutcome outcome) {}

  /**
   * An escalation sweep ended, completed or failed.
   *
   * @param outcome how long it took and how many actions it took
   */
  default void swept(SweepOutcome outcome) {}

  /**
   * The notifier answered for one outbox message.
   *
   * @param outcome sent, retried or dead, and how long after the notification was made
   */
  default void delivered(DeliveryOutcome outcome) {}
}
