package org.nivaran.grievance.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintId;

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
 * </ul>
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
}
