package org.nivaran.grievance.store;

import java.util.Objects;
import java.util.Optional;
import org.nivaran.grievance.GrievanceException;
import org.nivaran.grievance.complaint.ComplaintId;
import org.nivaran.grievance.tenant.TenantId;

/**
 * No complaint has the given id.
 *
 * <p>Immutable and thread-safe.
 */
public final class ComplaintNotFoundException extends GrievanceException {
  private static final long serialVersionUID = 1L;

  /** @serial the complaint id. */
  private final ComplaintId complaintId;
  /** @serial the tenant asked about, or null. */
  private final TenantId tenant;

  /**
   * Creates the exception.
   *
   * @param complaintId the complaint id
   */
  public ComplaintNotFoundException(ComplaintId complaintId) {
    super("no complaint " + complaintId);
    this.complaintId = complaintId;
    this.tenant = null;
  }

  /**
   * Creates the exception for a tenant that has no complaint with the id (another tenant may).
   *
   * @param tenant the tenant asked about
   * @param complaintId the complaint id
   */
  public ComplaintNotFoundException(TenantId tenant, ComplaintId complaintId) {
    super("no complaint " + Objects.requireNonNull(complaintId, "complaintId")
        + (Objects.requireNonNull(tenant, "tenant").isDefault() ? "" : " in tenant " + tenant));
    this.complaintId = complaintId;
    this.tenant = tenant;
  }

  /**
   * The tenant asked about, when the refusal named one.
   *
   * @return the tenant, or empty for a refusal made without one
   */
  public Optional<TenantId> tenant() {
    return Optional.ofNullable(tenant);
  }

  /**
   * The complaint id.
   *
   * @return the value
   */
  public ComplaintId complaintId() {
    return complaintId;
  }
}
