package org.nivaran.grievance.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.ExternalReference;
import org.nivaran.grievance.tenant.TenantId;

/**
 * Where complaints and their events live: the one interface every store implements. It writes a
 * complaint's log and reads it back, nothing more; what else a store can do is an optional
 * capability, an interface of its own that the store also implements and that
 * {@code GrievancesBuilder} finds once, when it is built:
 *
 * <table>
 *   <caption>The store SPI</caption>
 *   <tr><th>interface</th><th>what for</th><th>needed by</th></tr>
 *   <tr><td>{@code ComplaintStore}</td><td>create, append, find, events, idempotency keys</td>
 *       <td>always</td></tr>
 *   <tr><td>{@link WorkLists}</td><td>paged lists: pending at a post, overdue, flagged, by
 *       status, by citizen; claiming due work for one sweeper</td><td>the escalator, the stuck
 *       list, handovers, follow-ups</td></tr>
 *   <tr><td>{@link CallerHistory}</td><td>a number's recent complaints and its fake
 *       complaints</td><td>a linking {@code DuplicatePolicy}, a blocking
 *       {@code FakeComplaintPolicy}</td></tr>
 *   <tr><td>{@link TransactionalOutbox}</td><td>notifications written with the events that cause
 *       them</td><td>delivery by a relay instead of by {@code Grievances}</td></tr>
 * </table>
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>Every complaint belongs to one tenant ({@link Complaint#tenant()}), and a complaint is named
 *       by its tenant and its id together: two tenants may each hold a complaint with the same id,
 *       and an idempotency key of one tenant never answers for another. No read, list, claim or
 *       count returns a complaint of a tenant other than the one asked for.
 *   <li>A complaint's state and its new events are written together or not at all.
 *   <li>{@link #append} succeeds only if the stored version equals the expected one; otherwise it
 *       throws {@link StaleVersionException} and writes nothing (optimistic concurrency).
 *   <li>{@link #create} with an idempotency key stores at most one complaint per key: a second
 *       create with the same key and the same request fingerprint returns the first complaint and
 *       writes nothing; with a different fingerprint it throws {@link IdempotencyConflictException}.
 *   <li>A complaint's {@linkplain Complaint#references() external references} are unique per
 *       tenant and source: {@link #create} or {@link #append} of a state holding a reference that
 *       another complaint of the tenant holds throws {@link DuplicateReferenceException} and writes
 *       nothing (a create replayed under its idempotency key returns the earlier complaint first).
 *   <li>Events come back in sequence order, exactly as appended (text included, byte for byte).
 *   <li>A store that is not a {@link TransactionalOutbox} refuses a {@link NewComplaint} or an
 *       {@link Append} that carries notifications, with {@link UnsupportedOperationException}.
 * </ul>
 *
 * <p>The names of one registration, from the caller to the store: the caller's request is a
 * {@code RegisterComplaint}; what {@code Grievances.submit} made of it is a {@code Registration}
 * (created, replayed or linked); what it asks the store to write is a {@link NewComplaint}; what
 * the store did is a {@link CreateResult} (created, or replayed under the same key).
 *
 * <p>Implementations must be thread-safe.
 */
public interface ComplaintStore {

  /**
   * Stores a new complaint and its first events (and, for a {@link TransactionalOutbox}, their
   * notifications).
   *
   * @param registration the complaint, its events and its idempotency claim
   * @return {@link CreateResult.Created} with the stored complaint, or
   *     {@link CreateResult.Replayed} with the complaint an earlier create stored under the same key
   * @throws DuplicateComplaintIdException if a complaint with this id exists
   * @throws DuplicateReferenceException if another complaint of the tenant holds one of its references
   * @throws IdempotencyConflictException if the key was used for a different request
   * @throws UnsupportedOperationException if the registration carries notifications and this
   *     store is not a {@link TransactionalOutbox}
   */
  CreateResult create(NewComplaint registration);

  /**
   * Appends one change: its events, the state they lead to and (for a
   * {@link TransactionalOutbox}) its notifications, if the complaint's stored version is the
   * change's expected one.
   *
   * @param change the change
   * @throws StaleVersionException if the stored version differs from the change's expected one
   * @throws ComplaintNotFoundException if there is no such complaint
   * @throws DuplicateReferenceException if the new state holds a reference another complaint of the
   *     tenant holds
   * @throws UnsupportedOperationException if the change carries notifications and this store is
   *     not a {@link TransactionalOutbox}
   */
  void append(Append change);

  /**
   * The current state of a complaint.
   *
   * @param tenant whose complaint it is
   * @param id the complaint's id
   * @return the complaint, or empty if the tenant has none with this id
   */
  Optional<Complaint> find(TenantId tenant, ComplaintId id);

  /**
   * A complaint's events in sequence order.
   *
   * @param tenant whose complaint it is
   * @param id the complaint's id
   * @return the events; empty if the tenant has no such complaint
   */
  List<ComplaintEvent> events(TenantId tenant, ComplaintId id);

  /**
   * The complaint a tenant registered under an idempotency key, if any.
   *
   * @param tenant the tenant whose keys to look in
   * @param key the key
   * @param fingerprint the fingerprint of the request now being made
   * @return the complaint registered earlier with this key, or empty
   * @throws IdempotencyConflictException if the key was used for a request with another fingerprint
   */
  Optional<Complaint> findByIdempotencyKey(TenantId tenant, String key, String fingerprint);

  /**
   * The complaint of a tenant that holds an external reference, if any.
   *
   * @param tenant whose complaints
   * @param reference the source and its id
   * @return the complaint, or empty if none of the tenant's complaints holds it
   */
  Optional<Complaint> findByReference(TenantId tenant, ExternalReference reference);

  /**
   * Appends several changes to different complaints, as one batch: each is written if its
   * complaint is still at its expected version and skipped if not. A store may write the batch in
   * one transaction (the JDBC store does); this default appends them one by one.
   *
   * @param changes the changes, at most one per complaint, all of one tenant
   * @return the changes that were not written, by complaint, with why: a
   *     {@link StaleVersionException}, a {@link ComplaintNotFoundException}, or (from this default,
   *     which writes one change at a time) whatever else the append threw; empty when all were
   *     written. An implementation must not throw once it has written part of the batch: every
   *     change is either written or in this map.
   * @throws IllegalArgumentException if two changes are for the same complaint, or for
   *     complaints of different tenants
   */
  default Map<ComplaintId, RuntimeException> appendAll(List<Append> changes) {
    Append.checkBatch(changes);
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
}
