/**
 * Storage: the {@link org.nivaran.grievance.store.ComplaintStore} SPI, with optimistic concurrency
 * ({@link org.nivaran.grievance.store.StaleVersionException}) and idempotent registration, and
 * {@link org.nivaran.grievance.store.InMemoryComplaintStore}, its thread-safe in-memory
 * implementation.
 */
package org.nivaran.grievance.store;
