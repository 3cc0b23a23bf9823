package org.nivaran.grievance.store;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.List;
import java.util.Optional;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.notify.Notification;

/**
 * Where complaints and their events live: the storage SPI. Nivaran ships
 * {@link InMemoryComplaintStore}; a JDBC store and others implement the same contract.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>A complaint's state and its new events are written together or not at all.
 *   <li>{@link #append} succeeds only if the stored version equals the expected one; otherwise it
 *       throws {@link StaleVersionException} and writes nothing (optimistic concurrency).
 *   <li>{@link #create} with an idempotency key stores at most one complaint per key: a second
 *       create with the same key and the same request fingerprint returns the first complaint and
 *       writes nothing; with a different fingerprint it throws {@link IdempotencyConflictException}.
 *   <li>Events come back in sequence order, exactly as appended (text included, byte for byte).
 *   <li>A store that {@linkplain #keepsOutbox() keeps an outbox} writes the notifications of a
 *       create or an append in the same transaction as its events, and a relay delivers them
 *       later; any other store refuses notifications, and {@code Grievances} sends them itself
 *       after the change is stored.
 * </ul>
 *
 * <p>The methods with default bodies ({@link #append(Append)}, {@link #appendAll},
 * {@link #claimDue}, {@link #keepsOutbox}, {@link #enqueue}) work on any store; a store overrides
 * them to batch writes or claim work for one node of a cluster.
 *
 * <p>Implementations must be thread-safe.
 */
public interface ComplaintStore {

  /**
   * Stores a new complaint and its first events.
   *
   * @param registration the complaint, its events and its idempotency claim
   * @return {@link CreateResult.Created} with the stored complaint, or
   *     {@link CreateResult.Replayed} with the complaint an earlier create stored under the same key
   * @throws DuplicateComplaintIdException if a complaint with this id exists
   * @throws IdempotencyConflictException if the key was used for a different request
   * @throws UnsupportedOperationException if the registration carries notifications and this
   *     store keeps no outbox
   */
  CreateResult create(NewComplaint registration);

  /**
   * Appends events to a complaint and replaces its state, if its stored version is
   * {@code expectedVersion}.
   *
   * @param state the complaint after the events; its version is {@code expectedVersion + events.size()}
   * @param events the new events, sequences {@code expectedVersion + 1} onwards
   * @param expectedVersion the version the caller read
   * @throws StaleVersionException if the stored version differs
   * @throws ComplaintNotFoundException if there is no such complaint
   */
  void append(Complaint state, List<ComplaintEvent> events, long expectedVersion);

  /**
   * The current state of a complaint.
   *
   * @param id the complaint's id
   * @return the complaint, or empty if there is none
   */
  Optional<Complaint> find(ComplaintId id);

  /**
   * A complaint's events in sequence order.
   *
   * @param id the complaint's id
   * @return the events; empty if there is no such complaint
   */
  List<ComplaintEvent> events(ComplaintId id);

  /**
   * The complaint registered under an idempotency key, if any.
   *
   * @param key the key
   * @param fingerprint the fingerprint of the request now being made
   * @return the complaint registered earlier with this key, or empty
   * @throws IdempotencyConflictException if the key was used for a request with another fingerprint
   */
  Optional<Complaint> findByIdempotencyKey(String key, String fingerprint);

  /**
   * The complaints due for escalation at an instant: those whose {@link Complaint#dueAt()} is not
   * after {@code at}, earliest first (ties by id). Implementations answer from an index on the
   * due instant, never by reading every complaint.
   *
   * @param at the instant
   * @param limit the most complaints to return, at least 1
   * @return the due complaints, at most {@code limit}
   * @throws IllegalArgumentException if {@code limit} is less than 1
   */
  List<Complaint> findDue(Instant at, int limit);

  /**
   * The open complaints carrying a flag, oldest registration first (ties by id); for instance
   * the stuck list ({@link ComplaintFlag#ESCALATION_BLOCKED}).
   *
   * @param flag the flag
   * @param limit the most complaints to return, at least 1
   * @return the flagged complaints, at most {@code limit}
   * @throws IllegalArgumentException if {@code limit} is less than 1
   */
  List<Complaint> findFlagged(ComplaintFlag flag, int limit);

  /**
   * The open complaints assigned to a post (its pending work, which a successor inherits), oldest
   * registration first (ties by id).
   *
   * @param post the post
   * @param limit the most complaints to return, at least 1
   * @return the pending complaints, at most {@code limit}
   * @throws IllegalArgumentException if {@code limit} is less than 1
   */
  List<Complaint> findPendingAt(PostId post, int limit);

  /**
   * Appends one change: its events and state as {@link #append(Complaint, List, long)} does, and
   * its notifications to the outbox in the same transaction.
   *
   * @param change the change
   * @throws StaleVersionException if the stored version differs from the change's expected one
   * @throws ComplaintNotFoundException if there is no such complaint
   * @throws UnsupportedOperationException if the change carries notifications and this store keeps
   *     no outbox
   */
  default void append(Append change) {
    Objects.requireNonNull(change, "change");
    requireOutboxFor(change.notifications());
    append(change.state(), change.events(), change.expectedVersion());
  }

  /**
   * Appends several changes to different complaints, as one batch: each is written if its
   * complaint is still at its expected version and skipped if not. A store may write the batch in
   * one transaction (the JDBC store does); this default appends them one by one.
   *
   * @param changes the changes, at most one per complaint
   * @return the changes that were not written, by complaint, with why: a
   *     {@link StaleVersionException}, a {@link ComplaintNotFoundException}, or (from this default,
   *     which writes one change at a time) whatever else the append threw; empty when all were
   *     written. An implementation must not throw once it has written part of the batch: every
   *     change is either written or in this map.
   * @throws IllegalArgumentException if two changes are for the same complaint
   */
  default Map<ComplaintId, RuntimeException> appendAll(List<Append> changes) {
    Objects.requireNonNull(changes, "changes");
    if (changes.stream().map(a -> a.state().id()).distinct().count() != changes.size()) {
      throw new IllegalArgumentException("a batch may change each complaint once");
    }
    Map<ComplaintId, RuntimeException> skipped = new LinkedHashMap<>();
    for (Append change : changes) {
      try {
        append(change);
      } catch (RuntimeException e) { // reported, not thrown: the changes before it are written
        skipped.put(change.state().id(), e);
      }
    }
    return skipped;
  }

  /**
   * Claims the complaints due for escalation at an instant for one sweeper: like
   * {@link #findDue}, but a store shared by several nodes leaves out the complaints another
   * sweeper claimed within its lease, and holds these for {@code lease} (the JDBC store does so
   * with {@code FOR UPDATE SKIP LOCKED}). Writing a complaint ends its claim. A claim only shares
   * out the work: two sweepers that do get the same complaint are still kept apart by the
   * expected version of their appends. This default is {@link #findDue}.
   *
   * @param at the instant
   * @param limit the most complaints to return, at least 1
   * @param lease how long the claim keeps other sweepers away, positive
   * @return the claimed complaints, earliest deadline first
   * @throws IllegalArgumentException if {@code limit} is less than 1 or the lease not positive
   */
  default List<Complaint> claimDue(Instant at, int limit, Duration lease) {
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("lease must be positive (was " + lease + ")");
    }
    return findDue(at, limit);
  }

  /**
   * Whether this store writes notifications with the events that cause them (a transactional
   * outbox). False by default.
   *
   * @return true if {@link #append(Append)}, {@link NewComplaint#notifications()} and
   *     {@link #enqueue} accept notifications
   */
  default boolean keepsOutbox() {
    return false;
  }

  /**
   * Puts notifications that no complaint change causes (a handover list, say) in the outbox.
   *
   * @param notifications the notifications
   * @throws UnsupportedOperationException if this store keeps no outbox and the list is not empty
   */
  default void enqueue(List<Notification> notifications) {
    requireOutboxFor(notifications);
  }

  private void requireOutboxFor(List<Notification> notifications) {
    if (!notifications.isEmpty() && !keepsOutbox()) {
      throw new UnsupportedOperationException(
          getClass().getSimpleName() + " keeps no outbox; send the " + notifications.size() + " notification(s) directly");
    }
  }
}
