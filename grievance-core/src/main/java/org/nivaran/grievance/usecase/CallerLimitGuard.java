package org.nivaran.grievance.usecase;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.nivaran.grievance.actor.Actor;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.RegisterComplaint;
import org.nivaran.grievance.policy.CallerLimitPolicy;
import org.nivaran.grievance.policy.CallerLimitReachedException;

/**
 * The caller-limit policy at work: at a registration that would create a complaint, counts the
 * number's complaints in the period and refuses with {@link CallerLimitReachedException} once the
 * limit is reached. It reads only the newest {@code limit} of the period: the limit-th newest counted
 * one decides both whether and until when. With no exempt channel every complaint counts, so the
 * registration instants suffice ({@link CallerRecord#newestInstants}, no complaint read); with exempt
 * channels it reads the complaints ({@link CallerRecord#newest}), and only when complaints the
 * policy does not count (an exempt channel, or registered exactly at the start of a sliding window)
 * fill what it read does it read again, twice as many, so the cost follows the limit and the exempt
 * complaints among the newest, never the number's whole history.
 * Thread-safe.
 */
final class CallerLimitGuard {
  private final CallerLimitPolicy policy;
  private final ZoneId zone;

  /** A guard; refusals show their instant in the policy's zone, else in {@code zone}. */
  CallerLimitGuard(CallerLimitPolicy policy, ZoneId zone) {
    this.policy = policy;
    this.zone = policy.calendarMonthZone().orElse(zone);
  }

  /** The refusal of a registration over the limit; empty if within it or not checked. */
  Optional<CallerLimitReachedException> refusal(RegisterComplaint request, Actor actor, Instant now,
      CallerRecord record) {
    if (!policy.applies(request.channel(), actor)) {
      return Optional.empty();
    }
    return refusedUntil(record, now)
        .map(until -> new CallerLimitReachedException(request.citizen().phone(), policy.limit(), until, zone));
  }

  /**
   * What {@link CallerLimitPolicy#refusedUntil} says of the whole period, read in growing prefixes
   * of the newest: once a prefix holds {@code limit} counted complaints, the limit-th newest of them
   * is the limit-th newest of the period (all the rest are older or as old); a prefix shorter than
   * asked for is the whole period.
   */
  private Optional<Instant> refusedUntil(CallerRecord record, Instant now) {
    Instant from = policy.countsFrom(now);
    int max = policy.limit();
    if (policy.exemptChannels().isEmpty()) { // every complaint counts: the index's instants decide
      return policy.refusedUntilRegisteredAt(record.newestInstants(from, now, max), now);
    }
    while (true) {
      List<Complaint> newest = record.newest(from, now, max);
      Optional<Instant> until = policy.refusedUntil(newest, now);
      if (until.isPresent() || newest.size() < max) {
        return until;
      }
      max = max > Integer.MAX_VALUE / 2 ? Integer.MAX_VALUE : max * 2;
    }
  }
}
