/**
 * Tenants: the states or districts that share one store. See
 * {@link org.nivaran.grievance.tenant.TenantId}.
 *
 * <p>Every type here is immutable and thread-safe.
 */
package org.nivaran.grievance.tenant;
