package org.nivaran.grievance.usecase;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.policy.CallerLimitPolicy;
import org.nivaran.grievance.policy.CallerLimitReachedException;

/**
 * The caller-limit policy at work: at a registration that would create a complaint, counts the
 * number's complaints in the period from the registration's one read of the caller's history and
 * refuses with {@link CallerLimitReachedException} once the limit is reached. Thread-safe.
 */
final class CallerLimitGuard {
  private final CallerLimitPolicy policy;
  private final ZoneId zone;

  /** A guard; refusals show their instant in the policy's zone, else in {@code zone}. */
  CallerLimitGuard(CallerLimitPolicy policy, ZoneId zone) {
    this.policy = policy;
    this.zone = policy.calendarMonthZone().orElse(zone);
  }

  /** From when this registration's check reads the history; empty if it is not checked. */
  Optional<Instant> readsFrom(RegisterComplaint request, Actor actor, Instant now) {
    return policy.applies(request.channel(), actor) ? Optional.of(policy.countsFrom(now)) : Optional.empty();
  }

  /** The refusal of a registration over the limit; empty if within it or not checked. */
  Optional<CallerLimitReachedException> refusal(RegisterComplaint request, Actor actor, Instant now,
      CallerRecord record) {
    if (!policy.applies(request.channel(), actor)) {
      return Optional.empty();
    }
    return policy.refusedUntil(record.since(policy.countsFrom(now)), now)
        .map(until -> new CallerLimitReachedException(request.citizen().phone(), policy.limit(), until, zone));
  }
}
