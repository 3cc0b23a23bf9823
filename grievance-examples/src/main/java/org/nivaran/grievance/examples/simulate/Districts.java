package org.nivaran.grievance.examples.simulate;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.nivaran.grievance.Grievances;
import org.nivaran.grievance.actor.PostId;
import org.nivaran.grievance.complaint.Complaint;
import org.nivaran.grievance.tenant.TenantId;

/**
 * The simulated state's two districts as two tenants of one store: Raipur ({@code cg-raipur}) and
 * Durg ({@code cg-durg}), each with its own {@link Grievances}. A call goes to the district of its
 * jurisdiction, a command to the complaint's own tenant, a change of a post to the district the
 * post serves.
 *
 * <p>Not thread-safe: the simulation runs on one thread.
 */
final class Districts {
  /** Raipur district's tenant. */
  static final TenantId RAIPUR = TenantId.of("cg-raipur");
  /** Durg district's tenant. */
  static final TenantId DURG = TenantId.of("cg-durg");

  private final Map<TenantId, Grievances> byTenant = new LinkedHashMap<>();

  Districts(Grievances raipur, Grievances durg) {
    byTenant.put(RAIPUR, check(raipur, RAIPUR));
    byTenant.put(DURG, check(durg, DURG));
  }

  private static Grievances check(Grievances g, TenantId tenant) {
    if (!g.tenant().equals(tenant)) {
      throw new IllegalArgumentException("expected the entry point of " + tenant + ", got " + g.tenant());
    }
    return g;
  }

  /** The tenant whose complaints a jurisdiction's are: Durg's for Durg and below it, else Raipur's. */
  static TenantId tenantOf(String jurisdictionCode) {
    Objects.requireNonNull(jurisdictionCode, "jurisdictionCode");
    return jurisdictionCode.equals(RaipurDistrict.DURG) || jurisdictionCode.startsWith(RaipurDistrict.DURG + ".")
        ? DURG : RAIPUR;
  }

  /** The district a post serves: a post code names its place ({@code ENERGY-L1-DURG.PATAN}). */
  static TenantId tenantOf(PostId post) {
    String place = RaipurDistrict.DURG.substring(RaipurDistrict.STATE.length() + 1);
    return post.code().contains("-" + place) ? DURG : RAIPUR;
  }

  Grievances of(TenantId tenant) {
    return Objects.requireNonNull(byTenant.get(tenant), () -> "no district " + tenant);
  }

  Grievances forJurisdiction(String jurisdictionCode) {
    return of(tenantOf(jurisdictionCode));
  }

  Grievances forPost(PostId post) {
    return of(tenantOf(post));
  }

  Grievances of(Complaint c) {
    return of(c.tenant());
  }

  Collection<Grievances> all() {
    return byTenant.values();
  }
}
