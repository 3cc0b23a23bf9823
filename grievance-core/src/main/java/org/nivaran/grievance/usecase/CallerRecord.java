package org.nivaran.grievance.usecase;

import org.nivaran.grievance.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.nivaran.grievance.actor.PhoneNumber;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.store.CallerHistory;

/**
 * One registration's view of the caller's earlier complaints: read from the store at most once
 * ({@link CallerHistory#registeredSince}), from the earliest instant any policy of this
 * registration asks about, and only when one asks. Each policy then takes the part since its own
 * instant. Not thread-safe: one per registration, on its thread.
 */
final class CallerRecord {
  private final TenantId tenant;
  private final Optional<CallerHistory> history;
  private final PhoneNumber phone;
  private final Optional<Instant> from;
  private List<Complaint> read;

  private CallerRecord(TenantId tenant, Optional<CallerHistory> history, PhoneNumber phone, Optional<Instant> from) {
    this.tenant = tenant;
    this.history = history;
    this.phone = phone;
    this.from = from;
  }

  /** A record reading from the earliest of the instants given; the history is present if any is. */
  static CallerRecord of(TenantId tenant, Optional<CallerHistory> history, PhoneNumber phone, List<Optional<Instant>> from) {
    Optional<Instant> earliest = from.stream().flatMap(Optional::stream).min(Instant::compareTo);
    return new CallerRecord(tenant, history, Objects.requireNonNull(phone, "phone"), earliest);
  }

  /**
   * The number's complaints registered at or after {@code since}, newest first.
   *
   * @throws IllegalStateException if {@code since} is before the instant this record reads from
   */
  List<Complaint> since(Instant since) {
    if (from.isEmpty() || since.isBefore(from.get())) {
      throw new IllegalStateException("the caller's history was read from " + from + ", not from " + since);
    }
    if (read == null) {
      read = TenantGuard.own(tenant, history.orElseThrow().registeredSince(tenant, phone, from.get()));
    }
    return since.equals(from.get()) ? read : read.stream().filter(c -> !c.registeredAt().isBefore(since)).toList();
  }
}
