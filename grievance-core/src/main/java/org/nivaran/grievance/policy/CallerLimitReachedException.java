package org.nivaran.grievance.policy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import org.nivaran.grievance.GrievanceException;
import org.nivaran.grievance.actor.Masking;
import org.nivaran.grievance.actor.PhoneNumber;

/**
 * A registration refused by the {@link CallerLimitPolicy}: the number has registered as many
 * complaints in the period as the policy allows. Nothing was stored. The field is
 * {@code citizen.phone}; the message shows the number {@linkplain Masking#phone masked} and the
 * instant it may register again in the zone of the policy.
 *
 * <p>Immutable and thread-safe.
 */
public final class CallerLimitReachedException extends GrievanceException {
  private static final long serialVersionUID = 1L;

  /** @serial how many complaints the number may register per period. */
  private final int limit;
  /** @serial from when the number may register again. */
  private final Instant mayRegisterAgainAt;

  /**
   * Creates the exception.
   *
   * @param phone the refused number, shown masked
   * @param limit the policy's limit
   * @param mayRegisterAgainAt from when the number may register again
   * @param zone the zone the instant is shown in
   * @throws NullPointerException if an argument is null
   */
  public CallerLimitReachedException(PhoneNumber phone, int limit, Instant mayRegisterAgainAt, ZoneId zone) {
    super("citizen.phone " + Masking.phone(Objects.requireNonNull(phone, "phone")) + " has registered " + limit
        + (limit == 1 ? " complaint" : " complaints") + " in the period, the limit; it may register again from "
        + Objects.requireNonNull(mayRegisterAgainAt, "mayRegisterAgainAt").atZone(Objects.requireNonNull(zone, "zone"))
            .toOffsetDateTime() + " (" + zone + ")");
    this.limit = limit;
    this.mayRegisterAgainAt = mayRegisterAgainAt;
  }

  /**
   * The field refused.
   *
   * @return {@code "citizen.phone"}
   */
  public String field() {
    return "citizen.phone";
  }

  /**
   * How many complaints the number may register per period.
   *
   * @return the limit
   */
  public int limit() {
    return limit;
  }

  /**
   * From when the number may register again.
   *
   * @return the instant
   */
  public Instant mayRegisterAgainAt() {
    return mayRegisterAgainAt;
  }
}
