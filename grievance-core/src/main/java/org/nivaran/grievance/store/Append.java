package org.nivaran.grievance.store;

import java.util.List;
import java.util.Objects;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.notify.Notification;

/**
 * One change to a stored complaint, for {@link ComplaintStore#append(Append)} and
 * {@link ComplaintStore#appendAll}: its new events, the state they lead to, the version they were
 * decided on, and the notifications they cause (written with them by a store that
 * is a {@link TransactionalOutbox}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param state the complaint after the events; its version is {@code expectedVersion + events.size()}
 * @param events the new events, sequences {@code expectedVersion + 1} onwards, at least one
 * @param expectedVersion the version the change was decided on
 * @param notifications the notifications the events cause; empty for a store without an outbox
 */
public record Append(Complaint state, List<ComplaintEvent> events, long expectedVersion, List<Notification> notifications) {
  /**
   * Checks the fields and copies the lists.
   *
   * @param state the complaint after the events
   * @param events the new events, at least one, as many as the versions between
   * @param expectedVersion the version the change was decided on
   * @param notifications the notifications the events cause
   * @throws IllegalArgumentException if the events do not lead from {@code expectedVersion} to the
   *     state's version
   */
  public Append {
    Objects.requireNonNull(state, "state");
    events = List.copyOf(Objects.requireNonNull(events, "events"));
    notifications = List.copyOf(Objects.requireNonNull(notifications, "notifications"));
    if (events.isEmpty() || state.version() != expectedVersion + events.size()) {
      throw new IllegalArgumentException("an append from version " + expectedVersion + " to " + state.version()
          + " needs " + (state.version() - expectedVersion) + " event(s), got " + events.size());
    }
  }

  /**
   * A change that causes no stored notifications.
   *
   * @param state the complaint after the events
   * @param events the new events
   * @param expectedVersion the version the change was decided on
   * @return the change
   */
  public static Append of(Complaint state, List<ComplaintEvent> events, long expectedVersion) {
    return new Append(state, events, expectedVersion, List.of());
  }

  /**
   * Checks a batch for {@link ComplaintStore#appendAll}: at most one change per complaint, all of
   * one tenant. For store implementations.
   *
   * @param changes the batch
   * @throws IllegalArgumentException if two changes are for the same complaint, or the changes are
   *     for complaints of different tenants
   */
  public static void checkBatch(List<Append> changes) {
    Objects.requireNonNull(changes, "changes");
    if (changes.stream().map(a -> a.state().id()).distinct().count() != changes.size()) {
      throw new IllegalArgumentException("a batch may change each complaint once");
    }
    if (changes.stream().map(a -> a.state().tenant()).distinct().count() > 1) {
      throw new IllegalArgumentException("a batch may change the complaints of one tenant only");
    }
  }
}
