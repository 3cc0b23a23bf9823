package org.nivaran.grievance.observe;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records what it is told, in order: {@code start <kind>} and {@code end <kind>} around each
 * operation, and every report between them. Thread-safe.
 */
class RecordingInstrumentation implements Instrumentation {
  final List<Object> seen = new CopyOnWriteArrayList<>();

  @Override
  public void observe(Operation operation, Runnable work) {
    seen.add("start " + operation.kind());
    try {
      work.run();
    } finally {
      seen.add("end " + operation.kind());
    }
  }

  @Override
  public void registered(RegistrationOutcome outcome) {
    seen.add(outcome);
  }

  @Override
  public void commanded(CommandOutcome outcome) {
    seen.add(outcome);
  }

  @Override
  public void escalated(EscalationOutcome outcome) {
    seen.add(outcome);
  }

  @Override
  public void swept(SweepOutcome outcome) {
    seen.add(outcome);
  }

  @Override
  public void delivered(DeliveryOutcome outcome) {
    seen.add(outcome);
  }

  <T> List<T> of(Class<T> type) {
    return seen.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
