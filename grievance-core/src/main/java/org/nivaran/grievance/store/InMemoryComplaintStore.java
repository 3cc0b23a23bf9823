package org.nivaran.grievance.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.complaint.ComplaintEvent;
import org.nivaran.grievance.complaint.ComplaintFlag;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.complaint.ExternalReference;
import org.nivaran.grievance.complaint.Status;
import org.nivaran.grievance.tenant.TenantId;

/**
 * A {@link ComplaintStore} in memory: for tests, demos and single-JVM pilots. Nothing survives the
 * JVM.
 *
 * <p>Each tenant's complaints are kept apart, with their own indexes and idempotency keys, so a
 * question about one tenant never reads another's complaints.
 *
 * <p>Thread-safe. Appends to one complaint are atomic compare-and-set operations on its version;
 * appends to different complaints do not contend. Creates in one tenant are serialised so that an
 * idempotency key and its complaint appear together. It has {@linkplain WorkLists work lists} and
 * the {@linkplain CallerHistory caller's history}, but no {@linkplain TransactionalOutbox outbox}:
 * {@code Grievances} hands notifications straight to its notifier. The pending, overdue and
 * flagged lists, the caller's history and the external references are indexed; the lists by status
 * and by citizen and the {@linkplain NearbyComplaints nearby complaints} read every complaint of
 * the tenant.
 */
public final class InMemoryComplaintStore implements ComplaintStore, WorkLists, CallerHistory, NearbyComplaints {
  /** What a tenant with nothing stored reads: never written to. */
  private static final InMemoryShard NO_COMPLAINTS = new InMemoryShard();

  private final ConcurrentMap<TenantId, InMemoryShard> tenants = new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemoryComplaintStore() {}

  private InMemoryShard of(TenantId tenant) {
    return tenants.computeIfAbsent(Objects.requireNonNull(tenant, "tenant"), t -> new InMemoryShard());
  }

  /** The tenant's shard to read from; a tenant with nothing stored reads an empty one, and gets none. */
  private InMemoryShard read(TenantId tenant) {
    return existing(tenant).orElse(NO_COMPLAINTS);
  }

  private Optional<InMemoryShard> existing(TenantId tenant) {
    return Optional.ofNullable(tenants.get(Objects.requireNonNull(tenant, "tenant")));
  }

  @Override
  public CreateResult create(NewComplaint registration) {
    Objects.requireNonNull(registration, "registration");
    return of(registration.state().tenant()).create(registration);
  }

  @Override
  public void append(Append change) {
    Objects.requireNonNull(change, "change");
    Optional<InMemoryShard> shard = existing(change.state().tenant());
    if (shard.isEmpty()) {
      throw new ComplaintNotFoundException(change.state().id());
    }
    shard.get().append(change);
  }

  @Override
  public Optional<Complaint> find(TenantId tenant, ComplaintId id) {
    Objects.requireNonNull(id, "id");
    return existing(tenant).flatMap(s -> s.find(id));
  }

  @Override
  public List<ComplaintEvent> events(TenantId tenant, ComplaintId id) {
    Objects.requireNonNull(id, "id");
    return existing(tenant).map(s -> s.events(id)).orElse(List.of());
  }

  @Override
  public Optional<Complaint> findByIdempotencyKey(TenantId tenant, String key, String fingerprint) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(fingerprint, "fingerprint");
    return existing(tenant).flatMap(s -> s.findByIdempotencyKey(key, fingerprint));
  }

  @Override
  public Optional<Complaint> findByReference(TenantId tenant, ExternalReference reference) {
    Objects.requireNonNull(reference, "reference");
    return existing(tenant).flatMap(s -> s.findByReference(reference));
  }

  @Override
  public List<Complaint> openWithin(TenantId tenant, String categoryCode, GeoBox box, Instant since, int limit) {
    return read(tenant).openWithin(categoryCode, box, since, limit);
  }

  @Override
  public Page<Complaint> pendingAt(TenantId tenant, PostId post, PageRequest page) {
    return read(tenant).pendingAt(post, page);
  }

  @Override
  public Page<Complaint> overdue(TenantId tenant, Instant at, PageRequest page) {
    return read(tenant).overdue(at, page);
  }

  @Override
  public Page<Complaint> flagged(TenantId tenant, ComplaintFlag flag, PageRequest page) {
    return read(tenant).flagged(flag, page);
  }

  @Override
  public Page<Complaint> byStatus(TenantId tenant, Status status, String jurisdictionCode, PageRequest page) {
    return read(tenant).byStatus(status, jurisdictionCode, page);
  }

  @Override
  public Page<Complaint> byCitizen(TenantId tenant, PhoneNumber phone, PageRequest page) {
    return read(tenant).byCitizen(phone, page);
  }

  @Override
  public List<Complaint> registeredSince(TenantId tenant, PhoneNumber phone, Instant since) {
    return read(tenant).registeredSince(phone, since);
  }

  @Override
  public List<Complaint> newestRegistered(TenantId tenant, PhoneNumber phone, Instant since, Instant until, int max) {
    return read(tenant).newestRegistered(phone, since, until, max);
  }

  @Override
  public List<Instant> registrationInstants(TenantId tenant, PhoneNumber phone, Instant since, Instant until, int max) {
    return read(tenant).newestRegistered(phone, since, until, max).stream().map(Complaint::registeredAt).toList();
  }

  @Override
  public List<Complaint> registeredSince(TenantId tenant, PhoneNumber phone, String categoryCode,
      String jurisdictionCode, Instant since) {
    return read(tenant).registeredSince(phone, categoryCode, jurisdictionCode, since);
  }

  @Override
  public int countFakeClosures(TenantId tenant, PhoneNumber phone, Instant since, Instant until) {
    return read(tenant).countFakeClosures(phone, since, until);
  }

  @Override
  public List<Complaint> fakeClosures(TenantId tenant, PhoneNumber phone, Instant since, Instant until) {
    return read(tenant).fakeClosures(phone, since, until);
  }

  /**
   * Every event log a tenant's complaints have, registration first, in no particular order: a
   * snapshot for projections such as {@link org.nivaran.grievance.report.EventLogGradingSource}.
   * Each log is consistent in itself; complaints changed while the snapshot is taken may appear
   * before or after the change.
   *
   * @param tenant whose complaints
   * @return an unmodifiable list of unmodifiable logs
   */
  public List<List<ComplaintEvent>> histories(TenantId tenant) {
    return existing(tenant).map(InMemoryShard::histories).orElse(List.of());
  }

  /**
   * The number of complaints stored, of every tenant.
   *
   * @return the count
   */
  public int size() {
    return tenants.values().stream().mapToInt(InMemoryShard::size).sum();
  }
}
