package org.nivaran.grievance.tenant;

import org.nivaran.grievance.internal.Texts;

/**
 * Whose complaints these are: a state, or a district within one, sharing a store with others.
 * Every complaint belongs to exactly one tenant, fixed when it is registered; its id, idempotency
 * key, work lists, sweeps, outbox messages and grading facts are that tenant's alone. One
 * {@code Grievances} serves one tenant ({@code GrievancesBuilder.tenant}), with that tenant's
 * directory, calendars and policies; several of them may share one store.
 *
 * <p>A single-tenant setup never names one: everything is then in {@link #DEFAULT}, {@code
 * default}, which is also the tenant of every row a version-1 JDBC schema held before its upgrade.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value ASCII letters, digits, {@code . _ -}, starting with a letter or digit, at most 64
 *     characters; e.g. {@code up-lucknow}
 */
public record TenantId(String value) implements Comparable<TenantId> {
  /** The tenant of a setup that names none: {@code default}. */
  public static final TenantId DEFAULT = new TenantId("default");

  /**
   * Validates the id.
   *
   * @param value ASCII letters, digits, {@code . _ -}, at most 64 characters
   * @throws org.nivaran.grievance.InvalidInputException (field {@code tenant}) if malformed
   */
  public TenantId {
    Texts.code(value, "tenant");
  }

  /**
   * A tenant id.
   *
   * @param value the id text, e.g. {@code up-lucknow}
   * @return the id
   * @throws org.nivaran.grievance.InvalidInputException (field {@code tenant}) if malformed
   */
  public static TenantId of(String value) {
    return new TenantId(value);
  }

  /**
   * Whether this is {@link #DEFAULT}.
   *
   * @return true for the default tenant
   */
  public boolean isDefault() {
    return equals(DEFAULT);
  }

  @Override
  public int compareTo(TenantId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
