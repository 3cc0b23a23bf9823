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
 * One registration's questions about the caller's earlier complaints, each asked of the store only
 * when a policy of this registration needs it, and each answered by one bounded query: the
 * caller-limit policy reads when the newest complaints of its period were registered
 * ({@link CallerHistory#registrationInstants}, or with exempt channels {@link CallerHistory#newestRegistered}),
 * the duplicate policy those of the request's category and jurisdiction
 * ({@link CallerHistory#registeredSince(TenantId, PhoneNumber, String, String, Instant)}). Neither
 * reads the rest of the number's history, so a caller with a thousand earlier complaints costs what
 * a caller with ten does. Not thread-safe: one per registration, on its thread.
 */
final class CallerRecord {
  private final TenantId tenant;
  private final Optional<CallerHistory> history;
  private final PhoneNumber phone;

  private CallerRecord(TenantId tenant, Optional<CallerHistory> history, PhoneNumber phone) {
    this.tenant = tenant;
    this.history = history;
    this.phone = phone;
  }

  /** The record of a number; the history is present whenever a policy asks (checked when configured). */
  static CallerRecord of(TenantId tenant, Optional<CallerHistory> history, PhoneNumber phone) {
    return new CallerRecord(tenant, history, Objects.requireNonNull(phone, "phone"));
  }

  /** The number's newest complaints registered within {@code [since, until]}, newest first, at most {@code max}. */
  List<Complaint> newest(Instant since, Instant until, int max) {
    return TenantGuard.own(tenant, history.orElseThrow().newestRegistered(tenant, phone, since, until, max));
  }

  /** When the number's newest complaints within {@code [since, until]} were registered, newest first, at most {@code max}. */
  List<Instant> newestInstants(Instant since, Instant until, int max) {
    return history.orElseThrow().registrationInstants(tenant, phone, since, until, max);
  }

  /** The number's complaints of a category in a jurisdiction registered at or after {@code since}, newest first. */
  List<Complaint> ofCategory(String categoryCode, String jurisdictionCode, Instant since) {
    return TenantGuard.own(tenant,
        history.orElseThrow().registeredSince(tenant, phone, categoryCode, jurisdictionCode, since));
  }
}
