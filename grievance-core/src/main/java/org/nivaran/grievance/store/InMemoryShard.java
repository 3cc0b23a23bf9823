package org.nivaran.grievance.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.complaint.ClosureKind;
import org.nivaran.grievance.notify.Notification;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.ComplaintFlag;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.ExternalReference;

/**
 * One tenant's complaints in an {@link InMemoryComplaintStore}, with their indexes: the store
 * keeps one of these per tenant, so nothing here can answer for another tenant.
 *
 * <p>Thread-safe, as the store.
 */
final class InMemoryShard {

  private record Entry(Complaint state, List<ComplaintEvent> events) {}

  private record Claim(ComplaintId complaintId, String fingerprint) {}

  private final ConcurrentMap<ComplaintId, Entry> complaints = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Claim> claims = new ConcurrentHashMap<>();
  private final Object createLock = new Object();
  private final ConcurrentSkipListSet<Due> due = new ConcurrentSkipListSet<>();
  private final ConcurrentMap<PostId, Set<ComplaintId>> pendingByPost = new ConcurrentHashMap<>();
  private final ConcurrentMap<ComplaintFlag, Set<ComplaintId>> flagged = new ConcurrentHashMap<>();
  private final ConcurrentMap<PhoneNumber, Set<ComplaintId>> byPhone = new ConcurrentHashMap<>();
  private final ConcurrentMap<ExternalReference, ComplaintId> references = new ConcurrentHashMap<>();

  /** An entry of the due index: the due instant, then the id (its text) for a total order. */
  private record Due(Instant at, ComplaintId id) implements Comparable<Due> {
    @Override
    public int compareTo(Due o) {
      int c = at.compareTo(o.at);
      return c != 0 ? c : id.compareTo(o.id);
    }
  }

  InMemoryShard() {}

  CreateResult create(NewComplaint registration) {
    Objects.requireNonNull(registration, "registration");
    Complaint state = registration.state();
    checkEvents(state, registration.events(), 0);
    refuseNotifications(registration.notifications());
    synchronized (createLock) {
      Optional<Complaint> earlier =
          registration.idempotencyKey().flatMap(k -> findByIdempotencyKey(k, registration.fingerprint()));
      if (earlier.isPresent()) {
        return new CreateResult.Replayed(earlier.get());
      }
      complaints.compute(state.id(), (id, existing) -> {
        if (existing != null) {
          throw new DuplicateComplaintIdException(id);
        }
        claimReferences(id, List.of(), state.references());
        reindex(null, state); // under the entry's lock, as appends do
        return new Entry(state, registration.events());
      });
      byPhone.computeIfAbsent(state.citizen().phone(), k -> ConcurrentHashMap.newKeySet()).add(state.id());
      registration.idempotencyKey()
          .ifPresent(k -> claims.put(k, new Claim(state.id(), registration.fingerprint())));
      return new CreateResult.Created(state);
    }
  }

  void append(Append change) {
    Objects.requireNonNull(change, "change");
    refuseNotifications(change.notifications());
    Complaint state = change.state();
    long expectedVersion = change.expectedVersion();
    List<ComplaintEvent> added = change.events();
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
          claimReferences(id, entry.state().references(), state.references());
          List<ComplaintEvent> all = new ArrayList<>(entry.events().size() + added.size());
          all.addAll(entry.events());
          all.addAll(added);
          reindex(entry.state(), state);
          return new Entry(state, List.copyOf(all));
        });
  }

  Optional<Complaint> find(ComplaintId id) {
    Entry entry = complaints.get(Objects.requireNonNull(id, "id"));
    return entry == null ? Optional.empty() : Optional.of(entry.state());
  }

  List<ComplaintEvent> events(ComplaintId id) {
    Entry entry = complaints.get(Objects.requireNonNull(id, "id"));
    return entry == null ? List.of() : entry.events();
  }

  Optional<Complaint> findByIdempotencyKey(String key, String fingerprint) {
    Claim claim = claims.get(Objects.requireNonNull(key, "key"));
    if (claim == null) {
      return Optional.empty();
    }
    if (!claim.fingerprint().equals(Objects.requireNonNull(fingerprint, "fingerprint"))) {
      throw new IdempotencyConflictException(key, claim.complaintId());
    }
    return find(claim.complaintId());
  }

  Optional<Complaint> findByReference(ExternalReference reference) {
    ComplaintId id = references.get(Objects.requireNonNull(reference, "reference"));
    return id == null ? Optional.empty() : find(id);
  }

  /**
   * Claims the references a complaint gains, all or none, and releases those it drops (called
   * under its entry's lock).
   *
   * @throws DuplicateReferenceException if another complaint holds one
   */
  private void claimReferences(ComplaintId id, List<ExternalReference> before, List<ExternalReference> after) {
    List<ExternalReference> claimed = new ArrayList<>();
    for (ExternalReference r : after) {
      if (before.contains(r)) {
        continue;
      }
      ComplaintId holder = references.putIfAbsent(r, id);
      if (holder == null) {
        claimed.add(r);
      } else if (!holder.equals(id)) {
        claimed.forEach(c -> references.remove(c, id));
        throw new DuplicateReferenceException(r, holder);
      }
    }
    for (ExternalReference r : before) {
      if (!after.contains(r)) {
        references.remove(r, id);
      }
    }
  }

  List<Complaint> openWithin(String categoryCode, GeoBox box, Instant since, int limit) {
    Objects.requireNonNull(categoryCode, "categoryCode");
    Objects.requireNonNull(box, "box");
    Objects.requireNonNull(since, "since");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1 (was " + limit + ")");
    }
    return complaints.values().stream().map(Entry::state)
        .filter(c -> c.status().isOpen() && c.categoryCode().equals(categoryCode) && !c.registeredAt().isBefore(since))
        .filter(c -> c.location().filter(l -> box.contains(l.latitude().doubleValue(), l.longitude().doubleValue())).isPresent())
        .sorted(BY_REGISTRATION.reversed())
        .limit(limit)
        .toList();
  }

  private static final Comparator<Complaint> BY_REGISTRATION =
      Comparator.comparing(Complaint::registeredAt).thenComparing(c -> c.id().toString());

  // ---------------------------------------------------------------------------------------------
  // Work lists

  Page<Complaint> pendingAt(PostId post, PageRequest page) {
    Objects.requireNonNull(post, "post");
    return page(pendingByPost.getOrDefault(post, Set.of()).stream().map(complaints::get),
        c -> c.status().isOpen() && c.post().equals(Optional.of(post)), Complaint::registeredAt, false, page);
  }

  Page<Complaint> overdue(Instant at, PageRequest page) {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(page, "page");
    // the due index is in list order: walk it from the cursor, no further than the instant
    Set<Due> from = page.after().map(c -> (Set<Due>) due.tailSet(new Due(c.at(), c.id()), false)).orElse(due);
    List<Complaint> rows = new ArrayList<>();
    for (Due d : from) {
      if (rows.size() > page.size() || d.at().isAfter(at)) {
        break;
      }
      Entry entry = complaints.get(d.id());
      if (entry != null && entry.state().status().isOpen() && entry.state().dueAt().equals(Optional.of(d.at()))) {
        rows.add(entry.state());
      }
    }
    return pageOf(rows, c -> c.dueAt().orElseThrow(), page);
  }

  Page<Complaint> flagged(ComplaintFlag flag, PageRequest page) {
    Objects.requireNonNull(flag, "flag");
    return page(flagged.getOrDefault(flag, Set.of()).stream().map(complaints::get),
        c -> c.status().isOpen() && c.flags().contains(flag), Complaint::registeredAt, false, page);
  }

  Page<Complaint> byStatus(Status status, String jurisdictionCode, PageRequest page) {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(jurisdictionCode, "jurisdictionCode");
    return page(complaints.values().stream(),
        c -> c.status() == status && c.jurisdictionCode().equals(jurisdictionCode), Complaint::registeredAt, false, page);
  }

  Page<Complaint> byCitizen(PhoneNumber phone, PageRequest page) {
    Objects.requireNonNull(phone, "phone");
    return page(ofNumber(phone), c -> true, Complaint::registeredAt, true, page);
  }

  // ---------------------------------------------------------------------------------------------
  // Caller history

  List<Complaint> registeredSince(PhoneNumber phone, Instant since) {
    Objects.requireNonNull(since, "since");
    return ofNumber(phone).filter(Objects::nonNull).map(Entry::state)
        .filter(c -> !c.registeredAt().isBefore(since))
        .sorted(BY_REGISTRATION.reversed())
        .toList();
  }

  List<Complaint> newestRegistered(PhoneNumber phone, Instant since, Instant until, int max) {
    Objects.requireNonNull(until, "until");
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1 (was " + max + ")");
    }
    return registeredSince(phone, since).stream().filter(c -> !c.registeredAt().isAfter(until)).limit(max).toList();
  }

  List<Complaint> registeredSince(PhoneNumber phone, String categoryCode, String jurisdictionCode, Instant since) {
    Objects.requireNonNull(categoryCode, "categoryCode");
    Objects.requireNonNull(jurisdictionCode, "jurisdictionCode");
    return registeredSince(phone, since).stream()
        .filter(c -> c.categoryCode().equals(categoryCode) && c.jurisdictionCode().equals(jurisdictionCode))
        .toList();
  }

  int countFakeClosures(PhoneNumber phone, Instant since, Instant until) {
    return fakeClosures(phone, since, until).size();
  }

  List<Complaint> fakeClosures(PhoneNumber phone, Instant since, Instant until) {
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(until, "until");
    return ofNumber(phone).filter(Objects::nonNull).map(Entry::state)
        .filter(c -> c.closure().filter(k -> k.kind() == ClosureKind.FAKE
            && !k.at().isBefore(since) && !k.at().isAfter(until)).isPresent())
        .toList();
  }

  private Stream<Entry> ofNumber(PhoneNumber phone) {
    Objects.requireNonNull(phone, "phone");
    return byPhone.getOrDefault(phone, Set.of()).stream().map(complaints::get);
  }

  private static Page<Complaint> page(
      Stream<Entry> entries, Predicate<Complaint> in, Function<Complaint, Instant> key, boolean newestFirst, PageRequest page) {
    Objects.requireNonNull(page, "page");
    Comparator<PageCursor> order = Comparator.comparing(PageCursor::at).thenComparing(k -> k.id().toString());
    if (newestFirst) {
      order = order.reversed();
    }
    Comparator<PageCursor> byCursor = order;
    Optional<PageCursor> after = page.after();
    List<Complaint> rows = entries
        .filter(Objects::nonNull)
        .map(Entry::state)
        .filter(in)
        .filter(c -> after.isEmpty() || byCursor.compare(cursor(c, key), after.get()) > 0)
        .sorted((a, b) -> byCursor.compare(cursor(a, key), cursor(b, key)))
        .limit(page.size() + 1L)
        .toList();
    return pageOf(rows, key, page);
  }

  /** A page of rows already in list order, with one row beyond the page if there is a next. */
  private static Page<Complaint> pageOf(List<Complaint> rows, Function<Complaint, Instant> key, PageRequest page) {
    if (rows.size() <= page.size()) {
      return new Page<>(rows, Optional.empty());
    }
    List<Complaint> items = rows.subList(0, page.size());
    return new Page<>(items, Optional.of(cursor(items.get(items.size() - 1), key)));
  }

  private static PageCursor cursor(Complaint c, Function<Complaint, Instant> key) {
    return new PageCursor(key.apply(c), c.id());
  }

  private static void refuseNotifications(List<Notification> notifications) {
    if (!notifications.isEmpty()) {
      throw new UnsupportedOperationException("InMemoryComplaintStore keeps no outbox; send the "
          + notifications.size() + " notification(s) directly");
    }
  }

  /** Moves a complaint between index entries as its state changes (called under its entry's lock). */
  private void reindex(Complaint before, Complaint after) {
    ComplaintId id = after.id();
    Optional<Instant> dueBefore = before == null ? Optional.empty() : before.dueAt();
    if (!dueBefore.equals(after.dueAt())) {
      dueBefore.ifPresent(t -> due.remove(new Due(t, id)));
      after.dueAt().ifPresent(t -> due.add(new Due(t, id)));
    }
    Optional<PostId> postBefore = before == null ? Optional.empty() : before.post().filter(p -> before.status().isOpen());
    Optional<PostId> postAfter = after.post().filter(p -> after.status().isOpen());
    if (!postBefore.equals(postAfter)) {
      postBefore.map(pendingByPost::get).ifPresent(ids -> ids.remove(after.id()));
      postAfter.ifPresent(p -> pendingByPost.computeIfAbsent(p, k -> ConcurrentHashMap.newKeySet()).add(after.id()));
    }
    Set<ComplaintFlag> flagsBefore = before == null ? Set.of() : before.flags();
    for (ComplaintFlag f : ComplaintFlag.values()) {
      boolean was = flagsBefore.contains(f);
      boolean is = after.flags().contains(f);
      if (was && !is) {
        Optional.ofNullable(flagged.get(f)).ifPresent(ids -> ids.remove(after.id()));
      } else if (is && !was) {
        flagged.computeIfAbsent(f, k -> ConcurrentHashMap.newKeySet()).add(after.id());
      }
    }
  }

  /** Every stored complaint's event log (see {@link InMemoryComplaintStore#histories}). */
  List<List<ComplaintEvent>> histories() {
    return complaints.values().stream().map(Entry::events).toList();
  }

  /** The number of complaints stored. */
  int size() {
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
