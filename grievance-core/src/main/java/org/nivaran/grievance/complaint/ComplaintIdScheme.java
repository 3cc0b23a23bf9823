package org.nivaran.grievance.complaint;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Function;
import org.nivaran.grievance.internal.Texts;

/**
 * Issues the id of each new complaint. Pluggable per tenant: a state portal may number by district
 * ({@code RPR-2024-000123}), by helpline, or delegate to its own sequence.
 *
 * <p>Implementations must be thread-safe and must never issue the same id twice; a store refuses a
 * second complaint with an id it already holds. A retried registration with an idempotency key may
 * consume an id without storing a complaint, so sequences can have gaps.
 */
@FunctionalInterface
public interface ComplaintIdScheme {

  /**
   * Issues the id for a complaint being registered.
   *
   * @param request the registration
   * @param registeredAt when it is being registered
   * @return a fresh id
   */
  ComplaintId next(RegisterComplaint request, Instant registeredAt);

  /**
   * {@code PREFIX-YYYY-NNNNNN}: a prefix, the year of registration in {@code zone}, and a counter
   * per prefix and year that starts at 1 and is padded to six digits (it grows past 999999). The
   * counter lives in memory: a store that outlives the JVM needs a scheme backed by its own
   * sequence.
   *
   * @param prefix the tenant's prefix, e.g. {@code RPR}
   * @param zone the zone whose calendar year starts each sequence
   * @return the scheme
   */
  static ComplaintIdScheme yearly(String prefix, ZoneId zone) {
    Texts.code(prefix, "prefix");
    return yearly(request -> prefix, zone);
  }

  /**
   * Like {@link #yearly(String, ZoneId)} with the prefix chosen per request, e.g. from its
   * jurisdiction code, so that the complaints of several places served by one {@code Grievances}
   * are told apart by their numbers.
   *
   * @param prefixOf picks the prefix for a registration
   * @param zone the zone whose calendar year starts each sequence
   * @return the scheme
   */
  static ComplaintIdScheme yearly(Function<RegisterComplaint, String> prefixOf, ZoneId zone) {
    return new YearlySequence(
        Objects.requireNonNull(prefixOf, "prefixOf"), Objects.requireNonNull(zone, "zone"));
  }
}
