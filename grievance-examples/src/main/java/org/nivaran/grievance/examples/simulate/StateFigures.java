package org.nivaran.grievance.examples.simulate;

import java.util.Map;
import java.util.Objects;
import org.nivaran.grievance.tenant.TenantId;

/**
 * The state platform's figures of a run: complaints by district (each district a tenant of the one
 * store), how many carry a place, how many arrived through the Jan Sunwai portal, and how many
 * helpline calls quoted a portal number already known.
 *
 * <p>Immutable and thread-safe.
 *
 * @param receivedByTenant new complaints by district's tenant
 * @param located complaints with a place
 * @param viaPortal complaints that arrived through the portal
 * @param samePortalGrievance helpline calls that quoted a portal number the store already held
 */
public record StateFigures(Map<TenantId, Long> receivedByTenant, long located, long viaPortal, long samePortalGrievance) {
  /**
   * Copies the map.
   *
   * @param receivedByTenant new complaints by district's tenant
   * @param located complaints with a place
   * @param viaPortal complaints that arrived through the portal
   * @param samePortalGrievance helpline calls that quoted a known portal number
   */
  public StateFigures {
    receivedByTenant = Map.copyOf(Objects.requireNonNull(receivedByTenant, "receivedByTenant"));
  }

  /**
   * The new complaints of one district.
   *
   * @param tenant the district's tenant
   * @return the count, 0 for a tenant with none
   */
  public long received(TenantId tenant) {
    return receivedByTenant.getOrDefault(tenant, 0L);
  }
}
