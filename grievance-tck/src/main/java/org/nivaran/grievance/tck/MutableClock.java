package org.nivaran.grievance.tck;

import java.time.Instant;
import org.nivaran.grievance.testing.ControllableClock;

/**
 * A UTC clock that a test sets and moves by hand, for SLA deadlines, escalation sweeps and retry
 * back-offs: the TCK's name for core's {@link ControllableClock}, kept so that existing TCK
 * subclasses and host tests compile unchanged. A host that does not use the TCK should use
 * {@link ControllableClock} from {@code grievance-core}, which brings no JUnit with it.
 *
 * <p>Thread-safe: every thread sees the latest {@link #set} or {@link #advance}.
 */
public final class MutableClock extends ControllableClock {
  /**
   * A clock standing at an instant.
   *
   * @param start the instant
   * @throws NullPointerException naming {@code start} if it is null
   */
  public MutableClock(Instant start) {
    super(start);
  }
}
