package org.nivaran.grievance.tenant;

import java.util.Objects;
import org.nivaran.grievance.GrievanceException;

/**
 * A complaint of one tenant turned up where only another tenant's may: a store answered a
 * question about tenant {@link #expected()} with a complaint of tenant {@link #found()}, or a
 * caller handed one tenant's {@code Grievances} another tenant's complaint. Nothing was done with
 * it. A store that keeps the {@code ComplaintStore} contract never causes this; it marks a broken
 * storage adapter (or a host wiring the wrong tenant's objects together) before it can leak or
 * change another district's complaint.
 *
 * <p>Immutable and thread-safe.
 */
public final class CrossTenantException extends GrievanceException {
  private static final long serialVersionUID = 1L;

  /** @serial the tenant asked about. */
  private final TenantId expected;
  /** @serial the tenant of the complaint that turned up. */
  private final TenantId found;

  /**
   * Creates the exception.
   *
   * @param expected the tenant asked about
   * @param found the tenant of the complaint that turned up
   * @param what what turned up, for the message (a complaint id; never personal data)
   */
  public CrossTenantException(TenantId expected, TenantId found, String what) {
    super(what + " belongs to tenant " + Objects.requireNonNull(found, "found") + ", not to tenant "
        + Objects.requireNonNull(expected, "expected") + "; refused");
    this.expected = expected;
    this.found = found;
  }

  /**
   * Refuses a complaint of another tenant.
   *
   * @param expected the tenant asked about
   * @param found the complaint's tenant
   * @param what what turned up, for the message
   * @throws CrossTenantException if the two differ
   */
  public static void check(TenantId expected, TenantId found, String what) {
    if (!expected.equals(found)) {
      throw new CrossTenantException(expected, found, what);
    }
  }

  /**
   * The tenant asked about.
   *
   * @return the tenant
   */
  public TenantId expected() {
    return expected;
  }

  /**
   * The tenant of the complaint that turned up.
   *
   * @return the tenant
   */
  public TenantId found() {
    return found;
  }
}
