/**
 * Nivaran's entry point, {@link org.nivaran.grievance.Grievances}, and the root of its exceptions,
 * {@link org.nivaran.grievance.GrievanceException}.
 *
 * <p>The feature packages below it: {@code complaint} (the aggregate and its lifecycle),
 * {@code actor} (who acts), {@code store} (the storage SPI and the in-memory store) and
 * {@code json} (the Jackson module). {@code internal} is not API.
 */
package org.nivaran.grievance;
