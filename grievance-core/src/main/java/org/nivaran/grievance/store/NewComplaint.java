package org.nivaran.grievance.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.notify.Notification;

/**
 * What {@link ComplaintStore#create} stores: a new complaint, its first events, and the
 * idempotency claim of the request that made it: the second of the four types one registration
 * travels through (see {@link org.nivaran.grievance.complaint.RegisterComplaint}).
 *
 * <p>The first event is the complaint's registration, of the state's id and tenant.
 *
 * <p>Immutable and thread-safe.
 *
 * @param state the complaint after its first events
 * @param events its first events, sequence 1 onwards
 * @param idempotencyKey the request's key, if it had one
 * @param fingerprint the request's {@code RegisterComplaint.fingerprint()}
 * @param notifications the notifications the first events cause, for a store that
 *     is a {@link TransactionalOutbox}; otherwise empty
 */
public record NewComplaint(
    Complaint state,
    List<ComplaintEvent> events,
    Optional<String> idempotencyKey,
    String fingerprint,
    List<Notification> notifications) {
  /**
   * Checks the fields and copies the list.
   *
   * @param state the complaint after its first events
   * @param events its first events, sequence 1 onwards
   * @param idempotencyKey the request's key, if it had one
   * @param fingerprint the request's {@code RegisterComplaint.fingerprint()}
   * @param notifications the notifications the first events cause
   */
  public NewComplaint {
    Objects.requireNonNull(state, "state");
    events = List.copyOf(Objects.requireNonNull(events, "events"));
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(fingerprint, "fingerprint");
    notifications = List.copyOf(Objects.requireNonNull(notifications, "notifications"));
    if (events.isEmpty() || events.size() != state.version()) {
      throw new IllegalArgumentException(
          "a new complaint at version " + state.version() + " needs that many events, got " + events.size());
    }
    if (!(events.get(0) instanceof ComplaintEvent.ComplaintRegistered r)
        || !r.complaintId().equals(state.id()) || !r.tenant().equals(state.tenant())) {
      throw new IllegalArgumentException("a new complaint's first event must be its registration, in its tenant ("
          + state.tenant() + "), of complaint " + state.id());
    }
  }

  /**
   * A new complaint without notifications.
   *
   * @param state the complaint after its first events
   * @param events its first events, sequence 1 onwards
   * @param idempotencyKey the request's key, if it had one
   * @param fingerprint the request's {@code RegisterComplaint.fingerprint()}
   */
  public NewComplaint(Complaint state, List<ComplaintEvent> events, Optional<String> idempotencyKey, String fingerprint) {
    this(state, events, idempotencyKey, fingerprint, List.of());
  }
}
