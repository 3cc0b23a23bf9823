package org.nivaran.grievance.internal;

import java.util.Optional;
import org.slf4j.MDC;

/**
 * The SLF4J MDC keys Nivaran sets while it works on a complaint: {@value #TENANT} (the tenant) and
 * {@value #COMPLAINT} (the complaint id), so that a host's log pattern can show them on every line
 * Nivaran or the host's notifier logs meanwhile. Never the citizen's number or name. Closing the
 * scope puts back what the keys held before, so scopes nest. Stateless; the MDC is per thread.
 */
public final class LogContext implements AutoCloseable {
  /** The MDC key of the tenant. */
  public static final String TENANT = "nivaran.tenant";
  /** The MDC key of the complaint id. */
  public static final String COMPLAINT = "nivaran.complaint";

  private final String tenantBefore;
  private final String complaintBefore;
  private final boolean setsComplaint;

  private LogContext(String tenant, Optional<String> complaint) {
    this.tenantBefore = MDC.get(TENANT);
    this.complaintBefore = MDC.get(COMPLAINT);
    this.setsComplaint = complaint.isPresent();
    MDC.put(TENANT, tenant);
    complaint.ifPresent(c -> MDC.put(COMPLAINT, c));
  }

  /**
   * Sets the tenant, and the complaint id if given, until the scope is closed.
   *
   * @param tenant the tenant's id
   * @param complaint the complaint's id, if the work is on one complaint
   * @return the scope, to close
   */
  public static LogContext of(String tenant, Optional<String> complaint) {
    java.util.Objects.requireNonNull(tenant, "tenant");
    java.util.Objects.requireNonNull(complaint, "complaint");
    return new LogContext(tenant, complaint);
  }

  @Override
  public void close() {
    restore(TENANT, tenantBefore);
    if (setsComplaint) {
      restore(COMPLAINT, complaintBefore);
    }
  }

  private static void restore(String key, String before) {
    if (before == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, before);
    }
  }
}
