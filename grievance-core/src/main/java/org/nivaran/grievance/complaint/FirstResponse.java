package org.nivaran.grievance.complaint;

import java.time.Instant;
import java.util.Optional;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.internal.Texts;

/**
 * A complaint's first-response duty: by when the officer of the post it was first assigned to must
 * contact the complainant ({@link ComplaintEvent.FirstResponseDueSet}), when the first contact was
 * recorded ({@link ComplaintEvent.ContactRecorded}), and whether the escalator has acted on a missed
 * deadline (flagged it {@link ComplaintFlag#FIRST_RESPONSE_MISSED}). The deadline is
 * {@linkplain #pending() pending} until one of the two happens.
 *
 * <p>Immutable and thread-safe.
 *
 * @param dueAt when the first response is due
 * @param firstContactAt when the first contact was recorded, if it was
 * @param missedActedOn whether the escalator acted on the missed deadline
 */
public record FirstResponse(Instant dueAt, Optional<Instant> firstContactAt, boolean missedActedOn) {

  /**
   * Checks the parts.
   *
   * @param dueAt when the first response is due
   * @param firstContactAt when the first contact was recorded, if it was
   * @param missedActedOn whether the escalator acted on the missed deadline
   * @throws InvalidInputException naming a missing part
   */
  public FirstResponse {
    Texts.required(dueAt, "firstResponse.dueAt");
    Texts.required(firstContactAt, "firstResponse.firstContactAt");
  }

  /**
   * A duty just started: due at {@code dueAt}, not yet met.
   *
   * @param dueAt when the first response is due
   * @return the duty
   * @throws InvalidInputException if {@code dueAt} is missing
   */
  public static FirstResponse due(Instant dueAt) {
    return new FirstResponse(dueAt, Optional.empty(), false);
  }

  /**
   * Whether the deadline still counts: no contact recorded and no miss acted on.
   *
   * @return whether pending
   */
  public boolean pending() {
    return firstContactAt.isEmpty() && !missedActedOn;
  }

  /**
   * Whether the first contact was recorded by the deadline (at or before it).
   *
   * @return whether met in time
   */
  public boolean metInTime() {
    return firstContactAt.filter(at -> !at.isAfter(dueAt)).isPresent();
  }

  FirstResponse contacted(Instant at) {
    return firstContactAt.isPresent() ? this : new FirstResponse(dueAt, Optional.of(at), missedActedOn);
  }

  FirstResponse actedOn() {
    return new FirstResponse(dueAt, firstContactAt, true);
  }
}
