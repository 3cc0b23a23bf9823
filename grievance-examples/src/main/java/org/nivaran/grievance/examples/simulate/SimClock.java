package org.nivaran.grievance.examples.simulate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** The simulated time: moved forward by the simulation, never back. Not thread-safe. */
final class SimClock extends Clock {
  private final ZoneId zone;
  private Instant now;

  SimClock(Instant start, ZoneId zone) {
    this.now = start;
    this.zone = zone;
  }

  /** Moves the clock to an instant, or leaves it if the instant is not later. */
  void advanceTo(Instant at) {
    if (at.isAfter(now)) {
      now = at;
    }
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the simulated clock has one zone");
  }

  @Override
  public Instant instant() {
    return now;
  }
}
