package org.nivaran.grievance.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintId;

/**
 * A {@link ComplaintStore} in memory: for tests, demos and single-JVM pilots. Nothing survives the
 * JVM.
 *
 * <p>Thread-safe. Appends to one complaint are atomic compare-and-set operations on its version;
 * appends to different complaints do not contend. Creates are serialised so that an idempotency
 * key and its complaint appear together.
 */
public final class InMemoryComplaintStore implements ComplaintStore {

  private record Entry(Complaint state, List<ComplaintEvent> events) {}

  private record Claim(ComplaintId complaintId, String fingerprint) {}

  private final ConcurrentMap<ComplaintId, Entry> complaints = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Claim> claims = new ConcurrentHashMap<>();
  private final Object createLock = new Object();

  /** Creates an empty store. */
  public InMemoryComplaintStore() {}

  @Override
  public CreateResult create(NewComplaint registration) {
    Objects.requireNonNull(registration, "registration");
    Complaint state = registration.state();
    checkEvents(state, registration.events(), 0);
    synchronized (createLock) {
      Optional<Complaint> earlier =
          registration.idempotencyKey().flatMap(k -> findByIdempotencyKey(k, registration.fingerprint()));
      if (earlier.isPresent()) {
        return new CreateResult.Replayed(earlier.get());
      }
      if (complaints.putIfAbsent(state.id(), new Entry(state, registration.events())) != null) {
        throw new DuplicateComplaintIdException(state.id());
      }
      registration.idempotencyKey()
          .ifPresent(k -> claims.put(k, new Claim(state.id(), registration.fingerprint())));
      return new CreateResult.Created(state);
    }
  }

  @Override
  public void append(Complaint state, List<ComplaintEvent> events, long expectedVersion) {
    Objects.requireNonNull(state, "state");
    List<ComplaintEvent> added = List.copyOf(events);
    checkEvents(state, added, expectedVersion);
    complaints.compute(
        state.id(),
        (id, entry) -> {
          if (entry == null) {
            throw new ComplaintNotFoundException(id);
          }
          if (entry.state().version() != expectedVersion) {
            throw new StaleVersionException(id, expectedVersion, entry.state().version());
          }
          List<ComplaintEvent> all = new ArrayList<>(entry.events().size() + added.size());
          all.addAll(entry.events());
          all.addAll(added);
          return new Entry(state, List.copyOf(all));
        });
  }

  @Override
  public Optional<Complaint> find(ComplaintId id) {
    Entry entry = complaints.get(Objects.requireNonNull(id, "id"));
    return entry == null ? Optional.empty() : Optional.of(entry.state());
  }

  @Override
  public List<ComplaintEvent> events(ComplaintId id) {
    Entry entry = complaints.get(Objects.requireNonNull(id, "id"));
    return entry == null ? List.of() : entry.events();
  }

  @Override
  public Optional<Complaint> findByIdempotencyKey(String key, String fingerprint) {
    Claim claim = claims.get(Objects.requireNonNull(key, "key"));
    if (claim == null) {
      return Optional.empty();
    }
    if (!claim.fingerprint().equals(Objects.requireNonNull(fingerprint, "fingerprint"))) {
      throw new IdempotencyConflictException(key, claim.complaintId());
    }
    return find(claim.complaintId());
  }

  /**
   * The number of complaints stored.
   *
   * @return the count
   */
  public int size() {
    return complaints.size();
  }

  private static void checkEvents(Complaint state, List<ComplaintEvent> events, long expectedVersion) {
    if (events.isEmpty()) {
      throw new IllegalArgumentException("nothing to append to complaint " + state.id());
    }
    long seq = expectedVersion;
    for (ComplaintEvent e : events) {
      if (!e.complaintId().equals(state.id()) || e.sequence() != ++seq) {
        throw new IllegalArgumentException(
            "event " + e.complaintId() + "#" + e.sequence() + " does not follow " + state.id() + "#" + (seq - 1));
      }
    }
    if (state.version() != seq) {
      throw new IllegalArgumentException(
          "state of " + state.id() + " is at version " + state.version() + " but the events end at " + seq);
    }
  }
}
